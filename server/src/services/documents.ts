import { AppError, type PoliDocument } from '@polisee/domain';
import type { DocumentFilter } from '@polisee/contracts';
import {
  assertDocument,
  canOnDocument,
  isSuggestOnly,
  readableWorkingGroupIds,
  type Actor,
} from '../policies/policy.js';
import type { ServiceContext } from './context.js';

/**
 * What an actor may do with a document: nothing (a missing document too), read it, suggest
 * changes but not edit (decision 0063), or edit it.
 */
export type DocumentAccess = 'none' | 'read' | 'suggest' | 'edit';

/**
 * The one document-access check, shared by the use cases here and by every live connection's
 * checks (services/checkAccess.ts).
 */
export function documentAccess(actor: Actor, doc: PoliDocument | null): DocumentAccess {
  if (!doc || !canOnDocument(actor, 'document.read', doc)) return 'none';
  if (canOnDocument(actor, 'document.edit', doc)) return 'edit';
  return isSuggestOnly(actor, doc) ? 'suggest' : 'read';
}

/**
 * Reads shared by the document use cases. A document the actor may not read is reported as
 * not found, so that its existence is not disclosed.
 */
export async function getReadableDocument(
  ctx: ServiceContext,
  actor: Actor,
  id: string,
): Promise<PoliDocument> {
  const doc = await ctx.store.documents.get(id);
  if (!doc || documentAccess(actor, doc) === 'none') {
    throw new AppError('not_found', 'No such document.');
  }
  return doc;
}

export async function listDocuments(
  ctx: ServiceContext,
  actor: Actor,
  filter: DocumentFilter,
): Promise<PoliDocument[]> {
  return ctx.store.documents.list({ ...filter, workingGroupIds: readableWorkingGroupIds(actor) });
}

export { assertDocument };
