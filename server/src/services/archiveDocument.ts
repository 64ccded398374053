import { AppError, type PoliDocument } from '@polisee/domain';
import { assertDocument } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import { getReadableDocument } from './documents.js';
import type { AuthenticatedActor } from './loadActor.js';
import { recordActivity } from './recordActivity.js';

/** Archives a document (it leaves the catalogue, nothing is deleted) or brings it back as a draft. */
export async function setDocumentArchived(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  id: string,
  archived: boolean,
): Promise<PoliDocument> {
  const doc = await getReadableDocument(ctx, actor, id);
  assertDocument(actor, 'document.archive', doc);
  if ((doc.status === 'archived') === archived) {
    throw new AppError(
      'conflict',
      archived ? 'The document is already archived.' : 'The document is not archived.',
    );
  }
  const updated: PoliDocument = {
    ...doc,
    status: archived ? 'archived' : 'draft',
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.store.documents.update(id, { status: updated.status, updatedAt: updated.updatedAt });
  ctx.events.emit('documentChanged', updated);
  await recordActivity(ctx, {
    type: archived ? 'document_archived' : 'document_restored',
    actor: actor.user,
    workingGroupId: doc.workingGroupId,
    document: updated,
  });
  return updated;
}
