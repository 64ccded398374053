import {
  AppError,
  type DocumentStatus,
  type DocumentVersion,
  type PoliDocument,
  type VersionKind,
} from '@polisee/domain';
import { captureState, type CapturedState } from '../../content/versionContent.js';
import type { ServiceContext } from '../context.js';
import type { LiveDocuments } from '../liveDocuments.js';
import { logDamage } from '../../content/documentRepair.js';
import { recordVersionLinks } from '../../knowledge/recordVersionLinks.js';

export interface VersionInput {
  document: Pick<PoliDocument, 'id' | 'status'>;
  kind: VersionKind;
  name?: string | null;
  createdBy: string | null;
  /** The document's status once the version is taken (default: as it is). */
  documentStatus?: DocumentStatus;
  sourceVersionId?: string | null;
  /**
   * No request waits for this version (an automatic one): what is derived from it is read at
   * background priority. Otherwise a request waits for it, so it reads at normal priority: on a
   * busy machine the background threads (nice 19) may not run for a long time.
   */
  background?: boolean;
}

/**
 * Stores a version of a state already captured, with the people who edited since the previous
 * version (and their organisations, as they are now), and announces it.
 */
export async function recordVersion(
  ctx: ServiceContext,
  input: VersionInput & { captured: CapturedState; contributorIds: readonly string[] },
): Promise<DocumentVersion> {
  const contributors = [];
  for (const userId of [...input.contributorIds].sort()) {
    const user = await ctx.store.users.get(userId);
    if (user) contributors.push({ userId, organisationId: user.organisationId });
  }
  const version = await ctx.store.versions.create(
    {
      id: ctx.newId(),
      documentId: input.document.id,
      name: input.name ?? null,
      kind: input.kind,
      createdAt: ctx.now().toISOString(),
      createdBy: input.createdBy,
      contributors,
      documentStatus: input.documentStatus ?? input.document.status,
      sourceVersionId: input.sourceVersionId ?? null,
      stateVector: input.captured.stateVector,
      contentHash: input.captured.contentHash,
    },
    input.captured.state,
  );
  // Before the announcement: whoever reacts to it finds the knowledge base's links up to date.
  await recordVersionLinks(ctx, version, input.captured.state, {
    background: input.background ?? false,
  });
  ctx.events.emit('versionAdded', version);
  return version;
}

/** Takes a version of the document as it is now (the live room's state when it is open). */
export async function takeVersion(
  ctx: ServiceContext,
  live: LiveDocuments,
  input: VersionInput,
): Promise<DocumentVersion> {
  const captured = await live.read(input.document.id, (doc) =>
    captureState(doc, logDamage(ctx.logger, { documentId: input.document.id })),
  );
  const contributorIds = live.takeContributors(input.document.id);
  return recordVersion(ctx, { ...input, captured, contributorIds });
}

/** A version of this document, or not found (a version id of another document is not found). */
export async function getDocumentVersion(
  ctx: ServiceContext,
  documentId: string,
  versionId: string,
): Promise<DocumentVersion> {
  const version = await ctx.store.versions.get(versionId);
  if (!version || version.documentId !== documentId) {
    throw new AppError('not_found', 'No such version.');
  }
  return version;
}

/** The bytes of a version (stored with it; their absence is a broken store). */
export async function versionState(ctx: ServiceContext, version: DocumentVersion) {
  const state = await ctx.store.versions.state(version.id);
  if (!state) throw new AppError('internal', 'The version has no stored state.');
  return state;
}
