import type { SearchEntry, SearchEntryType, SearchFacet } from '@polisee/domain';

/**
 * The search index's store port (decision 0055). Both adapters (`sqliteSearchRepo.ts`,
 * `mongoSearchRepo.ts`) implement it and pass `searchContract.test.ts`; each store exposes it
 * as `store.search`. The index is derived data: never exported nor copied by store:copy, rebuilt
 * from documents, threads and workshops by the reindex command.
 *
 * Text is matched on the words of `searchTokens` (packages/domain): accent- and case-insensitive,
 * every word of the query must match (AND), the last one by prefix (search as you type).
 */
export interface SearchRepo {
  /** Stores each entry under its id, replacing whatever that id held (text and facets alike). */
  upsert(entries: readonly SearchEntry[]): Promise<void>;
  /** Removes these entries; ids that are not indexed are ignored. */
  remove(ids: readonly string[]): Promise<void>;
  /** Removes every entry whose document, thread or workshop is `ownerId`. */
  removeFor(ownerId: string): Promise<void>;
  /**
   * The entries of the allowed groups (and those `beyondGroups` names) that match, best first,
   * with facet counts. Nothing else counts anywhere (hits, total, facets): a reader must not
   * learn that a group they cannot read wrote about something. A query without a word finds
   * nothing.
   */
  query(query: SearchQuery): Promise<SearchResult>;
  /** Whether the index holds no entry at all (the server rebuilds it at start then). */
  isEmpty(): Promise<boolean>;
}

/** Per facet, the values to keep: any of them (OR) within a facet, every facet given (AND). */
export type SearchFilters = Partial<Record<SearchFacet, readonly string[]>>;

export interface SearchQuery {
  text: string;
  filters: SearchFilters;
  /** The working groups whose entries may be answered. */
  workingGroupIds: readonly string[];
  /**
   * Entries answered whatever their group: of these types (the published knowledge base, the
   * whole workspace's), of these documents and of these workshops (a workshop guest's). With
   * none of them nor a group, a query answers nothing.
   */
  beyondGroups?: {
    types?: readonly SearchEntryType[];
    documentIds?: readonly string[];
    workshopIds?: readonly string[];
  };
  limit: number;
  offset: number;
  /**
   * Entries to leave out of hits, total and facets alike: the ones the service found the reader
   * may not read after all (document access can be narrower than a group's).
   */
  excludeIds?: readonly string[];
}

/** A range of UTF-16 offsets, `end` excluded. */
export interface TextRange {
  start: number;
  end: number;
}

/**
 * A piece of the entry's original text around its first match, with every matching word in it
 * as ranges into `text`. Plain text, never markup: the client highlights.
 */
export interface Snippet {
  text: string;
  ranges: TextRange[];
  /** Whether the body goes on before or after the piece (the client shows an ellipsis). */
  cutStart: boolean;
  cutEnd: boolean;
}

export interface SearchHit {
  id: string;
  type: SearchEntryType;
  documentId: string | null;
  threadId: string | null;
  workshopId: string | null;
  workingGroupId: string;
  title: string;
  /** The matching words of the title. */
  titleRanges: TextRange[];
  snippet: Snippet;
  /** Higher is better; comparable only within one result (each adapter ranks its own way). */
  score: number;
  updatedAt: string;
}

/** A facet value and how many hits have it. */
export interface FacetCount {
  value: string;
  count: number;
}

export interface SearchResult {
  hits: SearchHit[];
  /** How many entries match in all (hits are one page of them). */
  total: number;
  /**
   * Per facet, its values among the matching entries, most frequent first (then by value).
   * A facet's counts apply every filter but its own, so that choosing one value still shows
   * what the others would add.
   */
  facets: Record<SearchFacet, FacetCount[]>;
}
