import {
  CURRENT_VERSION,
  type DiffQuery,
  type DocumentDiff,
  type VersionContent,
  type VersionsPage,
  type VersionsQuery,
} from '@polisee/contracts';
import { decodeVersionState, diffStates } from '../../content/versionContent.js';
import type { Actor } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';
import type { LiveDocuments } from '../liveDocuments.js';
import { getDocumentVersion, versionState } from './recordVersion.js';
import { logDamage } from '../../content/documentRepair.js';

/** A document's history, newest first, a page at a time. Metadata only: no bytes are read. */
export async function listVersions(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
  query: VersionsQuery,
): Promise<VersionsPage> {
  await getReadableDocument(ctx, actor, documentId);
  const items = await ctx.store.versions.list(documentId, query);
  const last = items.at(-1);
  return {
    items,
    nextBefore: items.length === query.limit && last && last.number > 1 ? last.number : null,
  };
}

/** One version's content, read-only. */
export async function getVersionContent(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
  versionId: string,
): Promise<VersionContent> {
  await getReadableDocument(ctx, actor, documentId);
  const version = await getDocumentVersion(ctx, documentId, versionId);
  const { json, text, damage } = await ctx.contentReader.read({
    snapshot: await versionState(ctx, version),
    updates: [],
  });
  if (damage.length > 0) logDamage(ctx.logger, { documentId, versionId })(damage);
  return { version, json: json as Record<string, unknown>, text };
}

/** Compares a version with another version or with the document as it is now. */
export async function diffVersions(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  documentId: string,
  query: DiffQuery,
): Promise<DocumentDiff> {
  await getReadableDocument(ctx, actor, documentId);
  const from = await getDocumentVersion(ctx, documentId, query.from);
  const to =
    query.to === CURRENT_VERSION ? null : await getDocumentVersion(ctx, documentId, query.to);
  const fromDoc = decodeVersionState(await versionState(ctx, from));
  try {
    if (!to) {
      const { json, stats, blockChanges } = await live.read(documentId, (current) =>
        diffStates(fromDoc, current, logDamage(ctx.logger, { documentId })),
      );
      return { documentId, from, to: null, json, stats, blockChanges };
    }
    const toDoc = decodeVersionState(await versionState(ctx, to));
    try {
      return {
        documentId,
        from,
        to,
        ...diffStates(fromDoc, toDoc, logDamage(ctx.logger, { documentId })),
      };
    } finally {
      toDoc.destroy();
    }
  } finally {
    fromDoc.destroy();
  }
}
