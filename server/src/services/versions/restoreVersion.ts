import type { DocumentVersion } from '@polisee/domain';
import { decodeVersionState, restoreInto } from '../../content/versionContent.js';
import { assertDocument } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';
import type { LiveDocuments } from '../liveDocuments.js';
import type { AuthenticatedActor } from '../loadActor.js';
import { recordActivity } from '../recordActivity.js';
import { getDocumentVersion, takeVersion, versionState } from './recordVersion.js';
import { logDamage } from '../../content/documentRepair.js';

/**
 * Brings an older version back without losing anything: the live document is changed to read
 * as the version does, as one new change broadcast to everyone connected (the update log keeps
 * every earlier change), and the result is itself a version (`restore`).
 */
export async function restoreVersion(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  documentId: string,
  versionId: string,
): Promise<DocumentVersion> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  assertDocument(actor, 'document.restoreVersion', doc);
  const source = await getDocumentVersion(ctx, documentId, versionId);
  const versionDoc = decodeVersionState(await versionState(ctx, source));
  try {
    await live.change(documentId, (ydoc, origin) =>
      restoreInto(ydoc, versionDoc, origin, logDamage(ctx.logger, { documentId })),
    );
  } finally {
    versionDoc.destroy();
  }
  const restored = await takeVersion(ctx, live, {
    document: doc,
    kind: 'restore',
    createdBy: actor.user.id,
    sourceVersionId: source.id,
  });
  await recordActivity(ctx, {
    type: 'version_restored',
    actor: actor.user,
    workingGroupId: doc.workingGroupId,
    document: doc,
  });
  return restored;
}
