import { Schema, type Connection, type Model, type Types } from 'mongoose';
import { base, str, text, type SchemaPaths } from '../../store/mongo/modelParts.js';
import type { DocumentLink } from './port.js';

/**
 * The knowledge base on MongoDB (decision 0062). A link has no id of its own (the default
 * ObjectId) and is unique on its natural key; a summary is keyed by its version.
 */

export type DocumentLinkDoc = DocumentLink & { _id: Types.ObjectId };
export const documentLinkSchema = new Schema<DocumentLinkDoc>(
  { fromDocumentId: str, scope: str, toDocumentId: str } satisfies SchemaPaths<DocumentLink>,
  { ...base, collection: 'documentLinks' },
);
// The natural key: replacing a document's links in a scope reads and writes by its prefix.
documentLinkSchema.index(
  { fromDocumentId: 1, scope: 1, toDocumentId: 1 },
  { unique: true, name: 'link_key' },
);
// "Referenced by": every link to one document.
documentLinkSchema.index({ toDocumentId: 1, fromDocumentId: 1 }, { name: 'by_target' });

export interface KnowledgeSummaryDoc {
  _id: string;
  summary: string;
}
export const knowledgeSummarySchema = new Schema<KnowledgeSummaryDoc>(
  { _id: str, summary: text } satisfies SchemaPaths<KnowledgeSummaryDoc>,
  { ...base, collection: 'knowledgeSummaries' },
);

/** The knowledge collections, compiled on the store's connection with the others (`models.ts`). */
export interface KnowledgeModels {
  DocumentLink: Model<DocumentLinkDoc>;
  KnowledgeSummary: Model<KnowledgeSummaryDoc>;
}

export function createKnowledgeModels(connection: Connection): KnowledgeModels {
  return {
    DocumentLink: connection.model<DocumentLinkDoc>('DocumentLink', documentLinkSchema),
    KnowledgeSummary: connection.model<KnowledgeSummaryDoc>(
      'KnowledgeSummary',
      knowledgeSummarySchema,
    ),
  };
}
