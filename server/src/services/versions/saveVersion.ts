import type { DocumentVersion } from '@polisee/domain';
import type { SaveVersionRequest } from '@polisee/contracts';
import { assertDocument } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';
import type { LiveDocuments } from '../liveDocuments.js';
import type { AuthenticatedActor } from '../loadActor.js';
import { recordActivity } from '../recordActivity.js';
import { takeVersion } from './recordVersion.js';

/** "Save version as…": the document as it is now, under a name. */
export async function saveNamedVersion(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  documentId: string,
  req: { name: SaveVersionRequest['name'] },
): Promise<DocumentVersion> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  assertDocument(actor, 'document.saveVersion', doc);
  const version = await takeVersion(ctx, live, {
    document: doc,
    kind: 'named',
    name: req.name,
    createdBy: actor.user.id,
  });
  await recordActivity(ctx, {
    type: 'version_saved',
    actor: actor.user,
    workingGroupId: doc.workingGroupId,
    document: doc,
  });
  return version;
}
