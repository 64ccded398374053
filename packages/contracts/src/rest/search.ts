import { z } from 'zod';
import {
  CountryCodeSchema,
  DocumentKindSchema,
  DocumentStatusSchema,
  IdSchema,
  IsoDateTimeSchema,
  LanguageSchema,
  SearchEntryTypeSchema,
  SearchFacetSchema,
  ThematicPrioritySchema,
  ThreadStatusSchema,
  WorkshopStatusSchema,
  type SearchFacet,
} from '@polisee/domain';

/**
 * Full-text search over what the reader may read (issue 17, decisions 0055 and 0059):
 * documents of every kind, comment threads, workshop decisions, knowledge-base entries.
 *
 *   GET /api/search?q&type&priority&kind&workingGroup&country&status&language&limit&offset
 *                                                                              → SearchResponse
 *
 * Every facet parameter may repeat (`?priority=a&priority=b`): values of one facet are OR,
 * facets are AND. Words match accent- and case-insensitively, every word must match, the last
 * one by prefix (search as you type). A `q` without a word (only punctuation) finds nothing.
 */

/** The longest query taken: well past a sentence, and only the first 12 words count anyway. */
export const SEARCH_QUERY_MAX = 200;
/** The largest page; a search list shows 20. */
export const SEARCH_LIMIT_MAX = 50;
export const SEARCH_LIMIT_DEFAULT = 20;
/** Deep pages cost the store a sort of everything before them and nobody reads them. */
export const SEARCH_OFFSET_MAX = 1000;
/** Values one facet parameter may repeat: more than any facet has (countries are the most). */
const FACET_VALUES_MAX = 50;

/** A query parameter given once is a string, given twice an array: both become an array. */
function repeated<T extends z.ZodType>(value: T) {
  return z
    .union([value, z.array(value).max(FACET_VALUES_MAX)])
    .transform((v) => (Array.isArray(v) ? v : [v]) as z.output<T>[])
    .optional();
}

export const SearchStatusSchema = z.union([
  DocumentStatusSchema,
  ThreadStatusSchema,
  WorkshopStatusSchema,
]);

export const SearchQuerySchema = z.strictObject({
  q: z.string().trim().min(1).max(SEARCH_QUERY_MAX),
  type: repeated(SearchEntryTypeSchema),
  priority: repeated(ThematicPrioritySchema),
  kind: repeated(DocumentKindSchema),
  workingGroup: repeated(IdSchema),
  country: repeated(CountryCodeSchema),
  status: repeated(SearchStatusSchema),
  language: repeated(LanguageSchema),
  limit: z.coerce.number().int().min(1).max(SEARCH_LIMIT_MAX).default(SEARCH_LIMIT_DEFAULT),
  offset: z.coerce.number().int().min(0).max(SEARCH_OFFSET_MAX).default(0),
});
export type SearchQueryParams = z.infer<typeof SearchQuerySchema>;
/** What a client builds the query string from (arrays for the facets). */
export type SearchQueryInput = z.input<typeof SearchQuerySchema>;

/** A range of UTF-16 offsets into its text, `end` excluded. */
export const SearchTextRangeSchema = z.object({
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
});
export type SearchTextRange = z.infer<typeof SearchTextRangeSchema>;

/**
 * About 200 characters of the body around the first match, as plain text with the matched
 * words as ranges: the client highlights (never markup from the server).
 */
export const SearchSnippetSchema = z.object({
  text: z.string(),
  ranges: z.array(SearchTextRangeSchema),
  /** The body goes on before / after the piece: show an ellipsis. */
  cutStart: z.boolean(),
  cutEnd: z.boolean(),
});
export type SearchSnippet = z.infer<typeof SearchSnippetSchema>;

/**
 * Where to open a document hit AT the match, as a text quote (the W3C Web Annotation
 * TextQuoteSelector: `exact` with up to 32 characters of `prefix` and `suffix` as written).
 * Not an offset nor a Yjs position: the index lags the document by up to two seconds and a
 * quote still finds its place after edits elsewhere. The client looks for `prefix + exact +
 * suffix` in the editor's text, falls back to `exact` alone, then to the document's top.
 * The index joins blocks with a blank line: a prefix or suffix may span a block boundary.
 * Null when the match is only in the title, and for thread and decision hits: a thread hit opens
 * its thread (`threadId`, whose anchor is in the document), a decision its workshop (`workshopId`).
 */
export const SearchMatchQuoteSchema = z.object({
  exact: z.string(),
  prefix: z.string(),
  suffix: z.string(),
});
export type SearchMatchQuote = z.infer<typeof SearchMatchQuoteSchema>;

export const SearchItemSchema = z.object({
  /** The index's key of the entry: unique within a response, stable across reindexing. */
  id: z.string(),
  type: SearchEntryTypeSchema,
  documentId: IdSchema.nullable(),
  threadId: IdSchema.nullable(),
  workshopId: IdSchema.nullable(),
  workingGroupId: IdSchema,
  title: z.string(),
  /** The matched words of the title. */
  titleRanges: z.array(SearchTextRangeSchema),
  snippet: SearchSnippetSchema,
  match: SearchMatchQuoteSchema.nullable(),
  /** The document's kind and thematic priorities as they are now (null for a workshop's decision). */
  kind: DocumentKindSchema.nullable(),
  priorities: z.array(ThematicPrioritySchema),
  updatedAt: IsoDateTimeSchema,
});
export type SearchItem = z.infer<typeof SearchItemSchema>;

export const SearchFacetCountSchema = z.object({
  value: z.string(),
  count: z.number().int().nonnegative(),
});
export type SearchFacetCount = z.infer<typeof SearchFacetCountSchema>;

export const SearchResponseSchema = z.object({
  /** One page, best first. */
  items: z.array(SearchItemSchema),
  /** Every readable match, all pages. */
  total: z.number().int().nonnegative(),
  /**
   * Per facet (type, priority, kind, workingGroup, country, status, language), its values among
   * the matches, most frequent first. A facet's counts apply every filter but its own, so a
   * chosen value still shows what the others would add. Only what the reader may read counts.
   */
  facets: z.record(SearchFacetSchema, z.array(SearchFacetCountSchema)),
});
export type SearchResponse = z.infer<typeof SearchResponseSchema>;
export type SearchFacets = Record<SearchFacet, SearchFacetCount[]>;
