import { SEARCH_FACETS, type SearchEntry, type SearchFacet } from '@polisee/domain';
import escapeStringRegexp from 'escape-string-regexp';
import { literal, op } from '../../store/mongo/q.js';
import type { SearchEntryDoc, SearchModels } from './mongoSearchModels.js';
import type { FacetCount, SearchFilters, SearchQuery, SearchRepo, SearchResult } from './port.js';
import { answersAnything, emptyResult, facetsFrom } from './searchResult.js';
import { indexedWords, matchedRanges, searchTermsOf, type SearchTerms } from './searchTerms.js';
import { snippetOf } from './snippet.js';

/**
 * The search index on MongoDB without `$text` (decision 0055: its stemmers cover en, hu and ro of
 * our six languages, and none folds Greek tonos). Each entry keeps its distinct folded words in
 * `words` (multikey index); a query's words match with `$all`, its last word with an anchored
 * prefix regex, which a real server answers from the index as a range of keys. Facets are
 * counted in the same aggregation. Ranked by how many query words the title holds, then newest.
 */

/** Where each facet's values are stored; arrays match when any element does. */
const FACET_FIELD: Record<SearchFacet, string> = {
  type: 'type',
  priority: 'thematicPriorities',
  kind: 'kind',
  workingGroup: 'workingGroupId',
  country: 'countries',
  status: 'status',
  language: 'language',
};

function toDoc(e: SearchEntry): SearchEntryDoc {
  const { id, ...rest } = e;
  return {
    _id: id,
    ...rest,
    words: indexedWords(e.title, e.body),
    titleWords: indexedWords(e.title),
  };
}

// Aggregation pipelines are neither cast nor sanitized by Mongoose: every value from a query
// goes through `literal` (a string, or refused), and into expressions inside `$literal`.
function strings(values: readonly string[] | undefined): string[] {
  return (values ?? []).map(literal);
}

/** The entries of the allowed groups, types and documents holding every word of the query. */
function matching(terms: SearchTerms, q: SearchQuery) {
  const excluded = q.excludeIds ?? [];
  const allowed: Record<string, unknown>[] = [
    { workingGroupId: { $in: strings(q.workingGroupIds) } },
  ];
  const types = strings(q.beyondGroups?.types);
  if (types.length > 0) allowed.push({ type: { $in: types } });
  const documents = strings(q.beyondGroups?.documentIds);
  if (documents.length > 0) allowed.push({ documentId: { $in: documents } });
  const workshops = strings(q.beyondGroups?.workshopIds);
  if (workshops.length > 0) allowed.push({ workshopId: { $in: workshops } });
  return {
    ...(excluded.length > 0 ? { _id: { $nin: strings(excluded) } } : {}),
    $and: [
      ...(terms.words.length > 0 ? [{ words: { $all: strings(terms.words) } }] : []),
      { words: { $regex: `^${escapeStringRegexp(literal(terms.prefix))}` } },
      allowed.length === 1 ? allowed[0]! : { $or: allowed },
    ],
  };
}

/** The filters of every active facet but `except`. */
function filtered(filters: SearchFilters, except?: SearchFacet) {
  const match: Record<string, unknown> = {};
  for (const f of SEARCH_FACETS) {
    const values = strings(filters[f]);
    if (f !== except && values.length > 0) match[FACET_FIELD[f]] = { $in: values };
  }
  return match;
}

/** How many distinct words of the title the query asks for. */
function titleScore(terms: SearchTerms) {
  const prefixLength = Array.from(terms.prefix).length;
  return {
    $size: {
      $filter: {
        input: '$titleWords',
        as: 'w',
        cond: {
          $or: [
            { $in: ['$$w', { $literal: strings(terms.words) }] },
            {
              $eq: [{ $substrCP: ['$$w', 0, prefixLength] }, { $literal: literal(terms.prefix) }],
            },
          ],
        },
      },
    },
  };
}

type Aggregated = {
  hits: { _id: string; score: number }[];
  total: { n: number }[];
} & Partial<Record<SearchFacet, { _id: string | null; n: number }[]>>;

export function mongoSearchRepo({ SearchEntry }: SearchModels): SearchRepo {
  return {
    async upsert(entries) {
      // An id given twice in one batch: the later entry wins, as it would over two calls.
      const latest = [...new Map(entries.map((e) => [e.id, e])).values()];
      if (latest.length === 0) return;
      await SearchEntry.bulkWrite(
        latest.map((e) => ({
          replaceOne: { filter: { _id: e.id }, replacement: toDoc(e), upsert: true },
        })),
        { ordered: false },
      );
    },

    async remove(ids) {
      if (ids.length === 0) return;
      await SearchEntry.deleteMany({ _id: op({ $in: [...ids] }) });
    },

    async removeFor(ownerId) {
      await SearchEntry.deleteMany({
        $or: [{ documentId: ownerId }, { threadId: ownerId }, { workshopId: ownerId }],
      });
    },

    async isEmpty() {
      return (await SearchEntry.exists({})) === null;
    },

    async query(q: SearchQuery): Promise<SearchResult> {
      const terms = searchTermsOf(q.text);
      if (!terms || !answersAnything(q)) return emptyResult();
      const all = filtered(q.filters);
      const facetPipelines = Object.fromEntries(
        SEARCH_FACETS.map((f) => {
          const field = FACET_FIELD[f];
          const isArray = f === 'priority' || f === 'country';
          return [
            f,
            [
              // Each facet counted under every filter but its own.
              { $match: filtered(q.filters, f) },
              ...(isArray ? [{ $unwind: `$${field}` }] : []),
              { $group: { _id: `$${field}`, n: { $sum: 1 } } },
            ],
          ];
        }),
      );
      const [result] = await SearchEntry.aggregate<Aggregated>([
        { $match: matching(terms, q) },
        // Bodies and word lists stay behind: only what is filtered, counted or sorted on goes on.
        {
          $project: {
            updatedAt: 1,
            titleWords: 1,
            ...Object.fromEntries(Object.values(FACET_FIELD).map((field) => [field, 1])),
          },
        },
        {
          $facet: {
            hits: [
              { $match: all },
              { $project: { updatedAt: 1, score: titleScore(terms) } },
              { $sort: { score: -1, updatedAt: -1, _id: 1 } },
              { $skip: q.offset },
              { $limit: q.limit },
              { $project: { score: 1 } },
            ],
            total: [{ $match: all }, { $count: 'n' }],
            ...facetPipelines,
          },
        },
      ]);
      if (!result) return emptyResult();

      const ids = result.hits.map((h) => h._id);
      const docs = await SearchEntry.find({ _id: op({ $in: ids }) })
        .select({ words: 0, titleWords: 0 })
        .lean<SearchEntryDoc[]>();
      const byId = new Map(docs.map((d) => [d._id, d]));
      const facetRows: { facet: SearchFacet; count: FacetCount }[] = [];
      for (const f of SEARCH_FACETS) {
        for (const g of result[f] ?? []) {
          if (g._id !== null && g._id !== undefined) {
            facetRows.push({ facet: f, count: { value: g._id, count: g.n } });
          }
        }
      }
      return {
        total: result.total[0]?.n ?? 0,
        facets: facetsFrom(facetRows),
        // An entry removed between the two reads is left out of the page.
        hits: result.hits.flatMap(({ _id, score }) => {
          const d = byId.get(_id);
          if (!d) return [];
          return [
            {
              id: d._id,
              type: d.type,
              documentId: d.documentId ?? null,
              threadId: d.threadId ?? null,
              workshopId: d.workshopId ?? null,
              workingGroupId: d.workingGroupId,
              title: d.title ?? '',
              titleRanges: matchedRanges(d.title ?? '', terms),
              snippet: snippetOf(d.body ?? '', terms),
              score,
              updatedAt: d.updatedAt,
            },
          ];
        }),
      };
    },
  };
}
