import type { Database } from 'better-sqlite3';
import {
  SEARCH_FACETS,
  searchWords,
  type SearchEntry,
  type SearchEntryType,
  type SearchFacet,
} from '@polisee/domain';
import type { FacetCount, SearchFilters, SearchQuery, SearchRepo, SearchResult } from './port.js';
import { emptyResult, facetsFrom } from './searchResult.js';
import { matchedRanges, searchTermsOf, type SearchTerms } from './searchTerms.js';
import { snippetOf } from './snippet.js';

/**
 * The search index on SQLite FTS5 (tables of migration 7). FTS5 indexes the folded words of
 * each entry (`searchWords`), never the text as written: `unicode61 remove_diacritics 2` keeps
 * Greek tonos, so `πολιτικη` would not find `πολιτική`. The text as written stays in
 * `search_entries` for snippets; facets are ordinary columns and two side tables, filtered and
 * counted in SQL. Ranked by FTS5's bm25, a title word weighing four body words.
 */

interface EntryRow {
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
  score_rank: number;
}

/** How each facet is filtered and counted, given `m` (the matching entries) in scope. */
const FACET_SQL: Record<SearchFacet, { value: string; from: string }> = {
  type: { value: 'm.type', from: 'm' },
  kind: { value: 'm.kind', from: 'm' },
  workingGroup: { value: 'm.working_group_id', from: 'm' },
  status: { value: 'm.status', from: 'm' },
  language: { value: 'm.language', from: 'm' },
  priority: {
    value: 'p.priority',
    from: 'm JOIN search_entry_priorities p ON p.seq = m.seq',
  },
  country: {
    value: 'c.country',
    from: 'm JOIN search_entry_countries c ON c.seq = m.seq',
  },
};

/** The condition keeping the entries of `m` that have one of the facet's values (`@f_<facet>`). */
function facetCondition(facet: SearchFacet): string {
  const values = `(SELECT value FROM json_each(@f_${facet}))`;
  if (facet === 'priority') {
    return `EXISTS (SELECT 1 FROM search_entry_priorities x WHERE x.seq = m.seq AND x.priority IN ${values})`;
  }
  if (facet === 'country') {
    return `EXISTS (SELECT 1 FROM search_entry_countries x WHERE x.seq = m.seq AND x.country IN ${values})`;
  }
  return `${FACET_SQL[facet].value} IN ${values}`;
}

function activeFacets(filters: SearchFilters): SearchFacet[] {
  return SEARCH_FACETS.filter((f) => (filters[f]?.length ?? 0) > 0);
}

function where(active: SearchFacet[], except?: SearchFacet): string {
  const conditions = active.filter((f) => f !== except).map(facetCondition);
  return conditions.length > 0 ? `WHERE ${conditions.join(' AND ')}` : '';
}

/** FTS5 query: each word as a quoted string (exact), the last one as a prefix; implicit AND. */
function matchExpression(terms: SearchTerms): string {
  const quote = (word: string) => `"${word.replaceAll('"', '""')}"`;
  return [...terms.words.map(quote), `${quote(terms.prefix)}*`].join(' ');
}

// The matching entries of the allowed groups, computed once per statement; bm25 weights: title,
// body (the columns of search_fts). Only the page's statement ranks: bm25 reads every match's
// positions, which the counts do not need (on 10,000 long documents a frequent word matches most
// of them, and ranking them all again for the counts doubled the time).
function matching(ranked: boolean) {
  return `WITH m AS MATERIALIZED (
  SELECT e.seq, e.type, e.kind, e.working_group_id, e.status, e.language
         ${ranked ? ', bm25(search_fts, 4.0, 1.0) AS score_rank' : ''}
  FROM search_fts JOIN search_entries e ON e.seq = search_fts.rowid
  WHERE search_fts MATCH @match
    AND e.working_group_id IN (SELECT value FROM json_each(@groups))
    AND e.id NOT IN (SELECT value FROM json_each(@excluded))
)`;
}

export class SqliteSearchRepo implements SearchRepo {
  constructor(private readonly db: Database) {}

  private removeSeqs(seqs: number[]) {
    const text = this.db.prepare('DELETE FROM search_fts WHERE rowid = ?');
    // The facet rows go with the entry (ON DELETE CASCADE).
    const entry = this.db.prepare('DELETE FROM search_entries WHERE seq = ?');
    for (const seq of seqs) {
      text.run(seq);
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
         title, body, kind, status, language, updated_at)
       VALUES (@id, @type, @documentId, @threadId, @workshopId, @workingGroupId,
         @title, @body, @kind, @status, @language, @updatedAt)`,
    );
    const insertText = this.db.prepare(
      'INSERT INTO search_fts (rowid, title, body) VALUES (?, ?, ?)',
    );
    const insertPriority = this.db.prepare(
      'INSERT OR IGNORE INTO search_entry_priorities (seq, priority) VALUES (?, ?)',
    );
    const insertCountry = this.db.prepare(
      'INSERT OR IGNORE INTO search_entry_countries (seq, country) VALUES (?, ?)',
    );
    // An id given twice in one batch: the later entry wins, as it would over two calls.
    const latest = [...new Map(entries.map((e) => [e.id, e])).values()];
    this.db.transaction(() => {
      // contentless_delete tables take no UPDATE of one column: an entry is replaced whole.
      this.removeSeqs(this.seqsOf(latest.map((e) => e.id)));
      for (const e of latest) {
        const seq = Number(insert.run(e).lastInsertRowid);
        // Repeats kept: bm25 counts how often a word occurs.
        insertText.run(seq, searchWords(e.title).join(' '), searchWords(e.body).join(' '));
        for (const p of e.thematicPriorities) insertPriority.run(seq, p);
        for (const c of e.countries) insertCountry.run(seq, c);
      }
    })();
  }

  async remove(ids: readonly string[]) {
    this.db.transaction(() => this.removeSeqs(this.seqsOf(ids)))();
  }

  async removeFor(ownerId: string) {
    this.db.transaction(() => {
      const seqs = this.db
        .prepare(
          `SELECT seq FROM search_entries WHERE document_id = @o
           UNION SELECT seq FROM search_entries WHERE thread_id = @o
           UNION SELECT seq FROM search_entries WHERE workshop_id = @o`,
        )
        .pluck()
        .all({ o: ownerId }) as number[];
      this.removeSeqs(seqs);
    })();
  }

  async isEmpty() {
    return this.db.prepare('SELECT 1 FROM search_entries LIMIT 1').get() === undefined;
  }

  async query(q: SearchQuery): Promise<SearchResult> {
    const terms = searchTermsOf(q.text);
    if (!terms || q.workingGroupIds.length === 0) return emptyResult();
    const active = activeFacets(q.filters);
    const params: Record<string, string | number> = {
      match: matchExpression(terms),
      groups: JSON.stringify(q.workingGroupIds),
      excluded: JSON.stringify(q.excludeIds ?? []),
      limit: q.limit,
      offset: q.offset,
    };
    for (const f of active) params[`f_${f}`] = JSON.stringify(q.filters[f]);

    // Each facet counted under every filter but its own; the total under all of them.
    const counts = SEARCH_FACETS.map((f) => {
      const { value, from } = FACET_SQL[f];
      const filters = where(active, f);
      return `SELECT '${f}' AS facet, ${value} AS value, COUNT(*) AS n FROM ${from}
        ${filters ? `${filters} AND` : 'WHERE'} ${value} IS NOT NULL GROUP BY ${value}`;
    });
    counts.push(`SELECT '' AS facet, NULL AS value, COUNT(*) AS n FROM m ${where(active)}`);

    // One read transaction: hits, total and counts see the same index.
    const { rows, countRows } = this.db.transaction(() => ({
      rows: this.db
        .prepare(
          `${matching(true)}
           SELECT e.seq, e.id, e.type, e.document_id, e.thread_id, e.workshop_id,
                  e.working_group_id, e.title, e.body, e.updated_at, m.score_rank
           FROM m JOIN search_entries e ON e.seq = m.seq ${where(active)}
           ORDER BY m.score_rank, e.updated_at DESC, e.id
           LIMIT @limit OFFSET @offset`,
        )
        .all(params) as EntryRow[],
      countRows: this.db
        .prepare(`${matching(false)} ${counts.join(' UNION ALL ')}`)
        .all(params) as {
        facet: SearchFacet | '';
        value: string | null;
        n: number;
      }[],
    }))();

    const facetRows: { facet: SearchFacet; count: FacetCount }[] = [];
    let total = 0;
    for (const r of countRows) {
      if (r.facet === '') total = r.n;
      else facetRows.push({ facet: r.facet, count: { value: r.value!, count: r.n } });
    }
    return {
      total,
      facets: facetsFrom(facetRows),
      hits: rows.map((r) => ({
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
        score: -r.score_rank,
        updatedAt: r.updated_at,
      })),
    };
  }
}
