import { isKnowledgeKind, type PoliDocument } from '@polisee/domain';
import { canOnDocument, type Actor, type DocumentRef } from './rules.js';

/** The fields of a document the knowledge-base rule reads, and whether it has a publication. */
export type KnowledgeRef = DocumentRef & Pick<PoliDocument, 'kind'> & { published: boolean };

/**
 * The knowledge base is the programme's common store (decision 0062): a training package or a
 * good practice, once published and while not archived, is readable by everyone in the
 * workspace, observers and members of other groups included. Only its published version: the
 * draft stays its group's (`document.read`). Anything else is read as the document is.
 */
export function canReadPublished(actor: Actor, doc: KnowledgeRef): boolean {
  if (doc.published && isKnowledgeKind(doc.kind) && doc.status !== 'archived') return true;
  return doc.published && canOnDocument(actor, 'document.read', doc);
}
