import type { Database } from 'better-sqlite3';
import {
  SEARCH_FACETS,
  searchWords,
  type SearchEntry,
  type SearchEntryType,
} from '@polisee/domain';
import {
  countFacets,
  encodeFacetIds,
  facetIdNeedle,
  facetValuesOf,
  type FacetValueRow,
} from './facetCodes.js';
import type { SearchFilters, SearchQuery, SearchRepo, SearchResult } from './port.js';
import { answersAnything, emptyResult, facetsFrom } from './searchResult.js';
import { matchedRanges, searchTermsOf, type SearchTerms } from './searchTerms.js';
import { snippetOf } from './snippet.js';
import { writeTransaction } from '../../store/sqlite/writeTransaction.js';

/**
 * The search index on SQLite FTS5 (tables of the migration "search index, narrow entries").
 * FTS5 indexes the folded words of each entry (`searchWords`), never the text as written:
 * `unicode61 remove_diacritics 2` keeps Greek tonos, so `πολιτικη` would not find `πολιτική`.
 * Ranked by FTS5's bm25, a title word weighing four body words.
 *
 * A frequent word matches most entries and a query reads every match (to rank it, check its
 * group, count its facets), so what one match costs decides the query (issue 17, 0055):
 * - `search_entries` is narrow (ids, group, facet ids, date); the text as written lives apart
 *   in `search_texts` and is read for the page's hits only (a body of 2,000 words spans
 *   overflow pages, and columns stored after it were read through them for every match);
 * - facets are one string of value ids per entry, counted in one pass (facetCodes.ts);
 * - two statements: the page ranks (bm25 reads every match's positions), the counts do not;
 * - above `RANKED_MATCHES` matches (a word or two letters typed, found nearly everywhere) bm25
 *   is not computed: entries whose title holds the query come first, then the newest (decision
 *   0083). Ranking 39,000 matches took ~22 ms of a 60 ms query and 6,600 filtered ones ~22 ms
 *   of 50, and by then the order of term frequencies means little to a reader still typing.
 */

/** Matches above which the page is ordered by title match and date instead of by bm25. */
export const RANKED_MATCHES = 5_000;

interface PageRow {
  seq: number;
  score_rank: number;
}

interface HitRow {
  seq: number;
  id: string;
  type: SearchEntryType;
  document_id: string | null;
  thread_id: string | null;
  workshop_id: string | null;
  working_group_id: string;
  title: string;
  body: string;
  updated_at: string;
}

/** FTS5 query: each word as a quoted string (exact), the last one as a prefix; implicit AND. */
function matchExpression(terms: SearchTerms): string {
  const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;
  return [...terms.words.map(quote), `${quote(terms.prefix)}*`].join(' ');
}

/** The same query, matched in the title column only. */
function titleExpression(terms: SearchTerms): string {
  return `title : (${matchExpression(terms)})`;
}

// The matching entries of the allowed groups, types and documents; `e` is the entry,
// `search_fts` its match.
const matchingOn = (expression: '@match' | '@title') => `search_fts
  JOIN search_entries e ON e.seq = search_fts.rowid
  WHERE search_fts MATCH ${expression}
    AND (e.working_group_id IN (SELECT value FROM json_each(@groups))
      OR e.type IN (SELECT value FROM json_each(@types))
      OR e.document_id IN (SELECT value FROM json_each(@documents))
      OR e.workshop_id IN (SELECT value FROM json_each(@workshops)))
    AND e.id NOT IN (SELECT value FROM json_each(@excluded))`;
const MATCHING = matchingOn('@match');
// The same entries, with the query in their title.
const MATCHING_TITLE = matchingOn('@title');

/**
 * The conditions keeping the entries that have one of each filtered facet's values, with their
 * parameters. A value never indexed matches nothing: a facet none of whose values is known
 * keeps nothing.
 */
function filterConditions(filters: SearchFilters, dictionary: readonly FacetValueRow[]) {
  const conditions: string[] = [];
  const params: Record<string, string> = {};
  for (const facet of SEARCH_FACETS) {
    const wanted = filters[facet];
    if (!wanted || wanted.length === 0) continue;
    const ids = dictionary.filter((d) => d.facet === facet && wanted.includes(d.value));
    const any = ids.map((d) => {
      params[`v${d.id}`] = facetIdNeedle(d.id);
      return `instr(e.facets, @v${d.id}) > 0`;
    });
    conditions.push(any.length > 0 ? `(${any.join(' OR ')})` : '0');
  }
  return { sql: conditions.map((c) => ` AND ${c}`).join(''), params };
}

export class SqliteSearchRepo implements SearchRepo {
  private readonly rankedMatches: number;
  /** Where queries read: a connection of their own when the store gives one (SqliteStore). */
  private readonly reader: Database;

  constructor(
    private readonly db: Database,
    options: { rankedMatches?: number; reader?: Database } = {},
  ) {
    this.rankedMatches = options.rankedMatches ?? RANKED_MATCHES;
    this.reader = options.reader ?? db;
  }

  private removeSeqs(seqs: number[]) {
    const text = this.db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    const written = this.db.prepare('DELETE FROM search_texts WHERE seq = ?');
    const entry = this.db.prepare('DELETE FROM search_entries WHERE seq = ?');
    for (const seq of seqs) {
      text.run(seq);
      written.run(seq);
      entry.run(seq);
    }
  }

  private seqsOf(ids: readonly string[]): number[] {
    const select = this.db.prepare('SELECT seq FROM search_entries WHERE id = ?').pluck();
    return ids.flatMap((id) => select.all(id) as number[]);
  }

  async upsert(entries: readonly SearchEntry[]) {
    const insert = this.db.prepare(
      `INSERT INTO search_entries (id, type, document_id, thread_id, workshop_id, working_group_id,
         facets, updated_at)
       VALUES (@id, @type, @documentId, @threadId, @workshopId, @workingGroupId,
         @facets, @updatedAt)`,
    );
    const insertWritten = this.db.prepare(
      'INSERT INTO search_texts (seq, title, body) VALUES (?, ?, ?)',
    );
    const insertText = this.db.prepare(
      'INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)',
    );
    // Value ids are only ever added, never changed nor reused: a concurrent writer adding the
    // same value gets the same id.
    const addValue = this.db.prepare(
      'INSERT OR IGNORE INTO search_facet_values (facet, value) VALUES (?, ?)',
    );
    const valueId = this.db
      .prepare('SELECT id FROM search_facet_values WHERE facet = ? AND value = ?')
      .pluck();
    // An id given twice in one batch: the later entry wins, as it would over two calls.
    const latest = [...new Map(entries.map((e) => [e.id, e])).values()];
    writeTransaction(this.db, () => {
      // contentless_delete tables take no UPDATE of one column: an entry is replaced whole.
      this.removeSeqs(this.seqsOf(latest.map((e) => e.id)));
      for (const e of latest) {
        const ids = facetValuesOf(e).map(([facet, value]) => {
          addValue.run(facet, value);
          return valueId.get(facet, value) as number;
        });
        const seq = Number(insert.run({ ...e, facets: encodeFacetIds(ids) }).lastInsertRowid);
        insertWritten.run(seq, e.title, e.body);
        // Repeats kept: bm25 counts how often a word occurs.
        insertText.run(seq, searchWords(e.title).join(' '), searchWords(e.body).join(' '));
      }
    });
  }

  /**
   * A page of a query found nearly everywhere: the entries with the query in their title, newest
   * first, then the others, newest first. Two cheap statements instead of one ranking every
   * match; the title matches are few (FTS5 finds them in its title column alone).
   */
  private unrankedPage(
    params: Record<string, string | number> & { limit: number; offset: number },
    filterSql: string,
  ): PageRow[] {
    const inTitle = this.reader
      .prepare(`SELECT e.seq FROM ${MATCHING_TITLE} ${filterSql} ORDER BY e.updated_at DESC, e.id`)
      .pluck()
      .all(params) as number[];
    const fromTitles = inTitle.slice(params.offset, params.offset + params.limit);
    const restLimit = params.limit - fromTitles.length;
    const rest =
      restLimit === 0
        ? []
        : (this.reader
            .prepare(
              `SELECT e.seq FROM ${MATCHING} ${filterSql}
                 AND e.seq NOT IN (SELECT value FROM json_each(@inTitle))
               ORDER BY e.updated_at DESC, e.id LIMIT @restLimit OFFSET @restOffset`,
            )
            .pluck()
            .all({
              ...params,
              inTitle: JSON.stringify(inTitle),
              restLimit,
              restOffset: Math.max(0, params.offset - inTitle.length),
            }) as number[]);
    // Scores as bm25 ranks would compare: lower is better.
    return [
      ...fromTitles.map((seq) => ({ seq, score_rank: -1 })),
      ...rest.map((seq) => ({ seq, score_rank: 0 })),
    ];
  }

  async remove(ids: readonly string[]) {
    writeTransaction(this.db, () => this.removeSeqs(this.seqsOf(ids)));
  }

  async removeFor(ownerId: string) {
    writeTransaction(this.db, () => {
      const seqs = this.db
        .prepare(
          `SELECT seq FROM search_entries WHERE document_id = @o
           UNION SELECT seq FROM search_entries WHERE thread_id = @o
           UNION SELECT seq FROM search_entries WHERE workshop_id = @o`,
        )
        .pluck()
        .all({ o: ownerId }) as number[];
      this.removeSeqs(seqs);
    });
  }

  async isEmpty() {
    return this.db.prepare('SELECT 1 FROM search_entries LIMIT 1').get() === undefined;
  }

  async query(q: SearchQuery): Promise<SearchResult> {
    const terms = searchTermsOf(q.text);
    if (!terms || !answersAnything(q)) return emptyResult();
    const params = {
      match: matchExpression(terms),
      groups: JSON.stringify(q.workingGroupIds),
      types: JSON.stringify(q.beyondGroups?.types ?? []),
      documents: JSON.stringify(q.beyondGroups?.documentIds ?? []),
      workshops: JSON.stringify(q.beyondGroups?.workshopIds ?? []),
      excluded: JSON.stringify(q.excludeIds ?? []),
    };

    // One read transaction: page, hits and counts see the same index.
    const { page, hitRows, counted } = this.reader.transaction(() => {
      const dictionary = this.reader
        .prepare('SELECT id, facet, value FROM search_facet_values')
        .all() as FacetValueRow[];
      const filters = filterConditions(q.filters, dictionary);
      // Every match, filtered or not: a facet's counts ignore its own filter.
      const joined = this.reader
        .prepare(`SELECT group_concat(e.facets, ';') FROM ${MATCHING}`)
        .pluck()
        .get(params) as string | null;
      const counted = countFacets(joined, dictionary, q.filters);
      const pageParams = { ...params, ...filters.params, limit: q.limit, offset: q.offset };
      // Only the sort keys go through the sorter, for every match; the rest for the page only.
      const page =
        counted.total <= this.rankedMatches
          ? (this.reader
              .prepare(
                `SELECT e.seq, bm25(search_fts, 4.0, 1.0) AS score_rank FROM ${MATCHING} ${filters.sql}
                 ORDER BY score_rank, e.updated_at DESC, e.id
                 LIMIT @limit OFFSET @offset`,
              )
              .all(pageParams) as PageRow[])
          : this.unrankedPage({ ...pageParams, title: titleExpression(terms) }, filters.sql);
      const hitRows = this.reader
        .prepare(
          `SELECT e.seq, e.id, e.type, e.document_id, e.thread_id, e.workshop_id,
                  e.working_group_id, e.updated_at, t.title, t.body
           FROM search_entries e JOIN search_texts t ON t.seq = e.seq
           WHERE e.seq IN (SELECT value FROM json_each(@seqs))`,
        )
        .all({ seqs: JSON.stringify(page.map((p) => p.seq)) }) as HitRow[];
      return { page, hitRows, counted };
    })();

    const { total, counts } = counted;
    const bySeq = new Map(hitRows.map((r) => [r.seq, r]));
    return {
      total,
      facets: facetsFrom(counts),
      hits: page.map(({ seq, score_rank }) => {
        const r = bySeq.get(seq)!;
        return {
          id: r.id,
          type: r.type,
          documentId: r.document_id,
          threadId: r.thread_id,
          workshopId: r.workshop_id,
          workingGroupId: r.working_group_id,
          title: r.title,
          titleRanges: matchedRanges(r.title, terms),
          snippet: snippetOf(r.body, terms),
          // bm25 is lower for better matches.
          score: -score_rank,
          updatedAt: r.updated_at,
        };
      }),
    };
  }
}
