import type { ProgrammeFilter } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { documentAccess, listDocuments } from '../services/documents.js';

/**
 * The documents whose assessments the programme view may count for this reader: those of the
 * working groups they read (the catalogue's own list, archived ones only when asked for by
 * status), and the documents they are a workshop guest of, under the same filter.
 */
export async function readableDocuments(
  ctx: ServiceContext,
  actor: Actor,
  filter: ProgrammeFilter,
): Promise<PoliDocument[]> {
  const listed = await listDocuments(ctx, actor, {
    workingGroupId: filter.workingGroupId,
    status: filter.status,
  });
  const seen = new Set(listed.map((d) => d.id));
  const guestIds = (actor.guestDocumentIds ?? []).filter((id) => !seen.has(id));
  if (guestIds.length === 0) return listed;
  const guestDocs = await Promise.all(guestIds.map((id) => ctx.store.documents.get(id)));
  return [
    ...listed,
    ...guestDocs.filter(
      (doc): doc is PoliDocument =>
        doc !== null && documentAccess(actor, doc) !== 'none' && matches(doc, filter),
    ),
  ];
}

/** The catalogue's filter, as the store applies it: archived documents only when asked for. */
function matches(doc: PoliDocument, filter: ProgrammeFilter): boolean {
  if (filter.workingGroupId !== undefined && doc.workingGroupId !== filter.workingGroupId)
    return false;
  if (filter.status !== undefined) return doc.status === filter.status;
  return doc.status !== 'archived';
}
