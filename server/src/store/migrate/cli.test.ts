import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';

/**
 * `npm run store:migrate` on the embedded store (the server's configuration without
 * MONGODB_URI). On MongoDB it is tested beside the indexes it drops (store/mongo/indexes.test.ts).
 */
const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-migrate-sqlite-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

function migrate(...args: string[]) {
  const run = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'src/store/migrate/cli.ts', ...args],
    {
      cwd: SERVER_ROOT,
      env: { PATH: process.env.PATH, NODE_ENV: 'test', DATA_DIR: dataDir },
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  return { code: run.status, out: run.stdout, err: run.stderr };
}

describe('npm run store:migrate on SQLite', () => {
  it('says there is nothing to do, and leaves the store alone', () => {
    for (const args of [[], ['--dry-run']]) {
      const run = migrate(...args);
      expect(run.code, run.err).toBe(0);
      const record = JSON.parse(run.out.trim().split('\n').at(-1)!) as Record<string, unknown>;
      expect(record).toMatchObject({ command: 'store:migrate', store: 'sqlite' });
      expect(record.msg).toMatch(/^nothing to do/);
    }
    // It did not even create the SQLite file.
    expect(existsSync(path.join(dataDir, 'polisee.db'))).toBe(false);
  });

  it('refuses an unknown option', () => {
    const run = migrate('--drop-everything');
    expect(run.code).toBe(2);
    expect(run.err).toContain('usage: npm run store:migrate');
  });
});
