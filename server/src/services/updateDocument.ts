import type { PoliDocument } from '@polisee/domain';
import type { UpdateDocumentRequest } from '@polisee/contracts';
import { assertDocument } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import { getReadableDocument } from './documents.js';
import type { AuthenticatedActor } from './loadActor.js';
import { recordActivity } from './recordActivity.js';

/** Renames and/or re-tags a document. Each kind of change is its own permission and activity line. */
export async function updateDocument(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  id: string,
  req: UpdateDocumentRequest,
): Promise<PoliDocument> {
  const doc = await getReadableDocument(ctx, actor, id);
  const renames = req.title !== undefined && req.title !== doc.title;
  const retags =
    req.thematicPriorities !== undefined || req.countries !== undefined || req.tags !== undefined;
  if (req.title !== undefined) assertDocument(actor, 'document.rename', doc);
  if (retags) assertDocument(actor, 'document.retag', doc);

  const updated: PoliDocument = {
    ...doc,
    title: req.title ?? doc.title,
    thematicPriorities: req.thematicPriorities
      ? [...new Set(req.thematicPriorities)]
      : doc.thematicPriorities,
    countries: req.countries ? [...new Set(req.countries)] : doc.countries,
    tags: req.tags ? [...new Set(req.tags)] : doc.tags,
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.store.documents.update(id, {
    title: updated.title,
    thematicPriorities: updated.thematicPriorities,
    countries: updated.countries,
    tags: updated.tags,
    updatedAt: updated.updatedAt,
  });
  ctx.events.emit('documentChanged', updated);
  const base = { actor: actor.user, workingGroupId: doc.workingGroupId, document: updated };
  if (renames) await recordActivity(ctx, { type: 'document_renamed', ...base });
  if (retags) await recordActivity(ctx, { type: 'document_retagged', ...base });
  return updated;
}
