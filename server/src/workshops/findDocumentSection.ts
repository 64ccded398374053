import type { DocumentSection } from '@polisee/contracts';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { documentSections, resolveSectionAnchor } from './documentSections.js';

/**
 * The heading a stored anchor names, as the live document reads now: its current text (a
 * renamed heading shows its new name) and its anchor as `documentSections` gives it today.
 * Null once the heading is gone. A scenario's section links read their heading this way
 * (decision 0053). Not found when the actor may not read the document.
 */
export async function findDocumentSection(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  documentId: string,
  anchor: string,
): Promise<DocumentSection | null> {
  await getReadableDocument(ctx, actor, documentId);
  return live.read(documentId, (doc) => {
    const found = resolveSectionAnchor(doc, anchor);
    return found ? (documentSections(doc)[found.index] ?? null) : null;
  });
}
