import Database from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cacheStatements } from './statementCache.js';

let db: Database.Database;
beforeEach(() => {
  db = new Database(':memory:');
  db.exec('CREATE TABLE t (id INTEGER PRIMARY KEY, name TEXT)');
  db.prepare('INSERT INTO t (name) VALUES (?), (?)').run('a', 'b');
  cacheStatements(db, 3);
});
afterEach(() => db.close());

describe('cacheStatements', () => {
  it('hands back the statement prepared before for the same SQL', () => {
    const sql = 'SELECT name FROM t WHERE id = ?';
    const first = db.prepare(sql);
    expect(db.prepare(sql)).toBe(first);
    expect(db.prepare('SELECT id FROM t')).not.toBe(first);
  });

  it('hands a statement back in its default mode, whatever the last caller set', () => {
    const sql = 'SELECT id, name FROM t ORDER BY id';
    expect(db.prepare(sql).pluck().all()).toEqual([1, 2]);
    expect(db.prepare(sql).all()).toEqual([
      { id: 1, name: 'a' },
      { id: 2, name: 'b' },
    ]);
    expect(db.prepare(sql).raw().all()).toEqual([
      [1, 'a'],
      [2, 'b'],
    ]);
    expect(db.prepare(sql).get()).toEqual({ id: 1, name: 'a' });
  });

  it('reuses writing statements too, and keeps only the most recently used', () => {
    const insert = db.prepare('INSERT INTO t (name) VALUES (?)');
    insert.run('c');
    expect(db.prepare('INSERT INTO t (name) VALUES (?)')).toBe(insert);
    db.prepare('SELECT 1');
    db.prepare('SELECT 2');
    db.prepare('SELECT 3');
    expect(db.prepare('INSERT INTO t (name) VALUES (?)')).not.toBe(insert);
    expect(db.prepare('SELECT count(*) AS n FROM t').get()).toEqual({ n: 3 });
  });

  it('still refuses SQL that does not compile, and caches nothing for it', () => {
    expect(() => db.prepare('SELECT FROM nowhere')).toThrow();
    expect(() => db.prepare('SELECT FROM nowhere')).toThrow();
  });
});
