import { AppError, type PoliDocument } from '@polisee/domain';
import type { UpdateDocumentRequest } from '@polisee/contracts';
import { assertDocument } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import { getReadableDocument } from './documents.js';
import type { AuthenticatedActor } from './loadActor.js';
import { recordActivity } from './recordActivity.js';

/**
 * Renames, re-tags and/or changes who is held to suggestions on a document. Each kind of change
 * is its own permission and activity line.
 */
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
  const suggestOnlyIds = req.suggestOnlyIds ? [...new Set(req.suggestOnlyIds)] : undefined;
  const regrants = suggestOnlyIds !== undefined && !sameMembers(suggestOnlyIds, doc.suggestOnlyIds);
  if (suggestOnlyIds !== undefined) {
    assertDocument(actor, 'document.grantSuggestOnly', doc);
    await assertMayBeHeld(ctx, doc, suggestOnlyIds);
  }

  const updated: PoliDocument = {
    ...doc,
    title: req.title ?? doc.title,
    thematicPriorities: req.thematicPriorities
      ? [...new Set(req.thematicPriorities)]
      : doc.thematicPriorities,
    countries: req.countries ? [...new Set(req.countries)] : doc.countries,
    tags: req.tags ? [...new Set(req.tags)] : doc.tags,
    suggestOnlyIds: suggestOnlyIds ?? doc.suggestOnlyIds,
    updatedAt: ctx.now().toISOString(),
  };
  await ctx.store.documents.update(id, {
    title: updated.title,
    thematicPriorities: updated.thematicPriorities,
    countries: updated.countries,
    tags: updated.tags,
    suggestOnlyIds: updated.suggestOnlyIds,
    updatedAt: updated.updatedAt,
  });
  ctx.events.emit('documentChanged', updated);
  const base = { actor: actor.user, workingGroupId: doc.workingGroupId, document: updated };
  if (renames) await recordActivity(ctx, { type: 'document_renamed', ...base });
  if (retags) await recordActivity(ctx, { type: 'document_retagged', ...base });
  if (regrants) await recordActivity(ctx, { type: 'suggest_only_changed', ...base });
  return updated;
}

function sameMembers(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((id) => b.includes(id));
}

/**
 * Only the group's members may be held to suggestions, and never its lead, who answers for the
 * text (decision 0081). Guests of a workshop already only suggest.
 */
async function assertMayBeHeld(ctx: ServiceContext, doc: PoliDocument, userIds: string[]) {
  const members = await ctx.store.memberships.listForGroup(doc.workingGroupId);
  const details = userIds.flatMap((id, index) => {
    const role = members.find((m) => m.userId === id)?.role;
    if (role === undefined)
      return [{ path: `suggestOnlyIds.${index}`, message: 'not a member of the working group' }];
    if (role === 'wg_lead')
      return [{ path: `suggestOnlyIds.${index}`, message: 'the working group lead always edits' }];
    return [];
  });
  if (details.length > 0) {
    throw new AppError(
      'validation_failed',
      'Only members other than the lead can be held to suggestions.',
      details,
    );
  }
}
