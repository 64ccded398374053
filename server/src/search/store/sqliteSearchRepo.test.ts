import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildSearchEntry } from '../../testing/searchFactories.js';
import { SqliteStore } from '../../store/sqlite/SqliteStore.js';
import { SqliteSearchRepo } from './sqliteSearchRepo.js';

/**
 * The SQLite index's order for queries found nearly everywhere: above its threshold of matches
 * the page is ordered by title match, then newest first, without bm25 (issue 17). The threshold
 * is lowered here so that a handful of entries crosses it.
 */
const dir = mkdtempSync(path.join(tmpdir(), 'polisee-search-order-'));
const file = path.join(dir, 'polisee.db');
let store: SqliteStore;
let db: Database.Database;

const GROUP = 'group-1';
const day = (d: number) => new Date(Date.UTC(2026, 0, d)).toISOString();
const entry = (id: string, title: string, body: string, updatedAt: string) =>
  buildSearchEntry({ id, workingGroupId: GROUP, title, body, updatedAt });

beforeAll(async () => {
  store = new SqliteStore(file); // creates and migrates the file
  db = new Database(file);
  await store.search.upsert([
    entry('title-old', 'Cluster financing', 'Grants and loans.', day(1)),
    entry('title-new', 'Cluster policy', 'A short note.', day(2)),
    entry('body-dense', 'Notes', 'cluster cluster cluster cluster of firms', day(3)),
    entry('body-newest', 'Minutes', 'One cluster mentioned.', day(6)),
    entry('body-mid', 'Agenda', 'A cluster again.', day(5)),
    entry('elsewhere', 'Budget', 'Nothing of the kind.', day(7)),
  ]);
});
afterAll(async () => {
  db.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const query = (repo: SqliteSearchRepo) =>
  repo.query({ text: 'clus', filters: {}, workingGroupIds: [GROUP], limit: 10, offset: 0 });

describe('the SQLite search order', () => {
  it('ranks by bm25 up to the threshold: titles weigh most, then how often the word occurs', async () => {
    const r = await query(new SqliteSearchRepo(db));
    expect(r.total).toBe(5);
    expect(
      r.hits
        .slice(0, 2)
        .map((h) => h.id)
        .sort(),
    ).toEqual(['title-new', 'title-old']);
    expect(r.hits[2]!.id).toBe('body-dense');
  });

  it('above it, puts title matches first and then the newest, with the same total and facets', async () => {
    const ranked = await query(new SqliteSearchRepo(db));
    const r = await query(new SqliteSearchRepo(db, { rankedMatches: 3 }));
    expect(r.hits.map((h) => h.id)).toEqual([
      'title-new',
      'title-old',
      'body-newest',
      'body-mid',
      'body-dense',
    ]);
    expect(r.total).toBe(ranked.total);
    expect(r.facets).toEqual(ranked.facets);
    // Pages follow the same order.
    const second = await new SqliteSearchRepo(db, { rankedMatches: 3 }).query({
      text: 'clus',
      filters: {},
      workingGroupIds: [GROUP],
      limit: 2,
      offset: 2,
    });
    expect(second.hits.map((h) => h.id)).toEqual(['body-newest', 'body-mid']);
  });

  it('reads through its own connection in the store and sees each write as soon as it returns', async () => {
    const find = (text: string) =>
      store.search.query({ text, filters: {}, workingGroupIds: [GROUP], limit: 10, offset: 0 });
    expect((await find('smart specialisation')).total).toBe(0);
    await store.search.upsert([
      entry('fresh', 'Smart specialisation', 'Written just now.', day(8)),
    ]);
    expect((await find('smart specialisation')).hits.map((h) => h.id)).toEqual(['fresh']);
    await store.search.upsert([entry('fresh', 'Renamed', 'Written just now.', day(9))]);
    expect((await find('smart specialisation')).total).toBe(0);
    expect((await find('renamed')).hits.map((h) => h.id)).toEqual(['fresh']);
    await store.search.remove(['fresh']);
    expect((await find('renamed')).total).toBe(0);
  });
});
