import { z } from 'zod';
import { DocumentKindSchema, DocumentStatusSchema } from './documents.js';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { LanguageSchema } from './languages.js';
import { CountryCodeSchema } from './organisations.js';
import { ThematicPrioritySchema } from './priorities.js';
import { ThreadStatusSchema } from './threads.js';
import { WorkshopStatusSchema } from './workshops.js';

/** What a search hit is: a document's text, a comment thread, a workshop decision, a knowledge-base entry. */
export const SEARCH_ENTRY_TYPES = ['document', 'thread', 'decision', 'knowledge'] as const;
export const SearchEntryTypeSchema = z.enum(SEARCH_ENTRY_TYPES);
export type SearchEntryType = z.infer<typeof SearchEntryTypeSchema>;

/** The facets a search can be filtered by and counts hits by. */
export const SEARCH_FACETS = [
  'type',
  'priority',
  'kind',
  'workingGroup',
  'country',
  'status',
  'language',
] as const;
export const SearchFacetSchema = z.enum(SEARCH_FACETS);
export type SearchFacet = z.infer<typeof SearchFacetSchema>;

/**
 * One entry of the search index: derived data, built from what it belongs to and rebuilt by the
 * reindex command (decision 0055). `id` is the indexer's own key (e.g. one per document, one per
 * thread); `documentId`, `threadId` and `workshopId` say what a hit opens and what
 * `removeFor` removes. Text is kept as written: the index folds it, snippets quote it.
 */
export const SearchEntrySchema = z.object({
  id: z.string().min(1).max(200),
  type: SearchEntryTypeSchema,
  documentId: IdSchema.nullable(),
  threadId: IdSchema.nullable(),
  workshopId: IdSchema.nullable(),
  /** Whose members may read it: the store answers a query only from the groups it is given. */
  workingGroupId: IdSchema,
  title: z.string(),
  body: z.string(),
  thematicPriorities: z.array(ThematicPrioritySchema),
  kind: DocumentKindSchema.nullable(),
  countries: z.array(CountryCodeSchema),
  /** In the vocabulary of what the entry belongs to: a document's, a thread's or a workshop's. */
  status: z.union([DocumentStatusSchema, ThreadStatusSchema, WorkshopStatusSchema]).nullable(),
  language: LanguageSchema.nullable(),
  updatedAt: IsoDateTimeSchema,
});
export type SearchEntry = z.infer<typeof SearchEntrySchema>;
