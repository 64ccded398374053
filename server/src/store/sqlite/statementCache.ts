import type { Database, Statement } from 'better-sqlite3';
import { LRUCache } from 'lru-cache';

/** Distinct SQL texts kept per connection: the static ones, and room for the built ones. */
const DEFAULT_MAX_STATEMENTS = 256;

/**
 * Makes `db.prepare(sql)` on this connection hand back the statement it prepared before for the
 * same SQL (decision 0104), as rusqlite's `prepare_cached` does: the repositories keep writing
 * `db.prepare(…)` where they run a query. Preparing anew compiled every query again, and each
 * statement held its native memory until V8 collected its handle: the churn grew the process's
 * malloc heap by ~15 KB for every document opened (measured in `performance.md`).
 *
 * A statement comes back in its default mode: `pluck()`, `raw()` and `expand()` are set by each
 * caller for its own use. Statements are synchronous and none is iterated lazily here, so a
 * statement is never handed out while another caller is still stepping through it.
 */
export function cacheStatements(db: Database, max = DEFAULT_MAX_STATEMENTS): void {
  const prepare = db.prepare.bind(db);
  const prepared = new LRUCache<string, Statement>({ max });
  const cached = (sql: string): Statement => {
    const statement = prepared.get(sql);
    if (!statement) {
      const fresh = prepare(sql);
      prepared.set(sql, fresh);
      return fresh;
    }
    if (statement.reader) statement.pluck(false).raw(false).expand(false);
    return statement;
  };
  db.prepare = cached as Database['prepare'];
}
