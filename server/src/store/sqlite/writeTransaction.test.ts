import { execFile } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, expect, it } from 'vitest';
import { seedStoreDocument } from '../../testing/factories.js';
import { SqliteStore } from './SqliteStore.js';

const APPENDER = fileURLToPath(new URL('../../testing/sqliteAppender.ts', import.meta.url));
const dir = mkdtempSync(path.join(tmpdir(), 'polisee-sqlite-writers-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

it('lets three processes append to one log on one file at once, refusing none', async () => {
  const file = path.join(dir, 'shared.db');
  const store = new SqliteStore(file);
  const { doc } = await seedStoreDocument(store, new Uint8Array([0, 0]));
  await store.close();

  const run = promisify(execFile);
  const results = await Promise.all(
    [0, 1, 2].map(async () => {
      const { stdout } = await run(process.execPath, [
        '--import',
        'tsx',
        APPENDER,
        file,
        doc.id,
        '1500',
      ]);
      return JSON.parse(stdout) as { appended: number; refused: number };
    }),
  );

  // Each appender wrote (they overlapped), and none was refused: a deferred transaction that
  // reads the log's last seq and then writes is refused at once here ("database is locked").
  expect(results.every((r) => r.appended > 0)).toBe(true);
  expect(results.map((r) => r.refused)).toEqual([0, 0, 0]);
  const reopened = new SqliteStore(file);
  const stored = await reopened.documentState.load(doc.id);
  await reopened.close();
  const total = results.reduce((n, r) => n + r.appended, 0);
  expect(stored!.updates.map((u) => u.seq)).toEqual(Array.from({ length: total }, (_, i) => i + 1));
}, 30_000);
