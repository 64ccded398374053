import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach } from 'vitest';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';

/**
 * For a describe block (or a file): a fresh SQLite store file in a directory of its own for each
 * test, closed and removed after it. Read `store` inside tests and hooks.
 */
export function useTempSqliteStore(): { readonly store: SqliteStore; readonly dir: string } {
  const held = {} as { store: SqliteStore; dir: string };
  beforeEach(() => {
    held.dir = mkdtempSync(path.join(tmpdir(), 'polisee-store-'));
    held.store = new SqliteStore(path.join(held.dir, 'store.db'));
  });
  afterEach(async () => {
    await held.store?.close();
    rmSync(held.dir, { recursive: true, force: true });
  });
  return held;
}
