import type { SearchEntry } from '@polisee/domain';
import { Schema, type Connection, type Model } from 'mongoose';
import {
  base,
  nullableStr,
  str,
  strings,
  text,
  type SchemaPaths,
  type Stored,
} from '../../store/mongo/modelParts.js';

/**
 * The search index on MongoDB (decision 0055): one document per entry, its id as `_id`, the
 * text as written (for snippets) and, beside it, the distinct folded words (`searchTokens`)
 * that queries match. Stored shapes are derived from the domain type (decision 0044).
 */

/** What the adapter adds to an entry: the words queries match, and those of the title (ranking). */
export interface IndexedWords {
  words: string[];
  titleWords: string[];
}

export type SearchEntryDoc = Stored<SearchEntry> & IndexedWords;

export const searchEntrySchema = new Schema<SearchEntryDoc>(
  {
    _id: str,
    type: str,
    documentId: nullableStr,
    threadId: nullableStr,
    workshopId: nullableStr,
    workingGroupId: str,
    title: text,
    body: text,
    thematicPriorities: strings,
    kind: nullableStr,
    countries: strings,
    status: nullableStr,
    language: nullableStr,
    updatedAt: str,
    words: strings,
    titleWords: strings,
  } satisfies SchemaPaths<SearchEntryDoc>,
  { ...base, collection: 'searchEntries' },
);
// Multikey: a query's words (equality for all but the last, an anchored prefix range for the
// last) select entries by index, then the readable groups narrow them in the same index.
searchEntrySchema.index({ words: 1, workingGroupId: 1 }, { name: 'by_word' });
// removeFor: whatever a document, thread or workshop owns.
searchEntrySchema.index({ documentId: 1 }, { name: 'by_document' });
searchEntrySchema.index({ threadId: 1 }, { name: 'by_thread' });
searchEntrySchema.index({ workshopId: 1 }, { name: 'by_workshop' });

/** The search collection, compiled on the store's connection with the others (`models.ts`). */
export interface SearchModels {
  SearchEntry: Model<SearchEntryDoc>;
}

export function createSearchModels(connection: Connection): SearchModels {
  return { SearchEntry: connection.model<SearchEntryDoc>('SearchEntry', searchEntrySchema) };
}
