import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import mongoose, { type Connection } from 'mongoose';
import { pino } from 'pino';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import {
  freshDatabaseName,
  mongoSkippedLine,
  mongoUriWithDatabase,
  TEST_MONGODB_URI,
} from '../../testing/mongo.js';
import { declaredIndexes, migrateIndexes } from './indexes.js';
import { createModels, type Models } from './models.js';
import { MongoStore } from './MongoStore.js';

/**
 * Indexes are created at every start and never dropped there; dropping is store:migrate's.
 * A raw connection on the same database plays the operator who adds an index by hand and the
 * older version whose index the code no longer declares.
 */

/** The models compiled on a connection that never connects: only their schemas are read. */
const offline = createModels(mongoose.createConnection());
const modelList = Object.values(offline) as mongoose.Model<unknown>[];

describe('declared indexes', () => {
  it('are named, once per collection, and include no text index', () => {
    for (const model of modelList) {
      const names = declaredIndexes(model).map((i) => i.name);
      expect(new Set(names).size, model.collection.collectionName).toBe(names.length);
      for (const index of declaredIndexes(model)) {
        expect(Object.values(index.key as object)).not.toContain('text');
      }
    }
  });
});

if (!TEST_MONGODB_URI) console.info(mongoSkippedLine('mongo indexes and store:migrate'));

describe.runIf(TEST_MONGODB_URI)(
  'MongoDB indexes (created at start, dropped by store:migrate)',
  () => {
    const uri = TEST_MONGODB_URI!;
    const open: { close(): Promise<unknown> }[] = [];
    const databases: string[] = [];

    afterEach(async () => {
      for (const c of open.splice(0)) await c.close();
    });
    afterAll(async () => {
      const cleaner = await mongoose.createConnection(uri).asPromise();
      for (const name of databases) await cleaner.useDb(name).dropDatabase();
      await cleaner.close();
    });

    async function freshDatabase() {
      const dbName = freshDatabaseName('polisee_indexes');
      databases.push(dbName);
      const raw = await mongoose.createConnection(uri, { dbName }).asPromise();
      open.push(raw);
      return { dbName, raw };
    }

    async function openStore(dbName: string) {
      const store = await MongoStore.open(uri, { dbName });
      open.push(store);
      return store;
    }

    /** Per collection: every index present, by name, as `name key unique`. */
    async function present(raw: Connection) {
      const result: Record<string, string[]> = {};
      for (const model of modelList) {
        const name = model.collection.collectionName;
        const indexes = await raw.collection(name).indexes();
        result[name] = indexes.map(
          (i) => `${i.name} ${JSON.stringify(i.key)} ${i.unique === true}`,
        );
        result[name].sort();
      }
      return result;
    }

    /** Per collection: `_id_` and what the schemas declare, in the same form. */
    function declared(models: Models = offline) {
      const result: Record<string, string[]> = {};
      for (const model of Object.values(models) as mongoose.Model<unknown>[]) {
        result[model.collection.collectionName] = [
          `_id_ {"_id":1} false`,
          ...declaredIndexes(model).map(
            (i) => `${i.name} ${JSON.stringify(i.key)} ${i.unique === true}`,
          ),
        ].sort();
      }
      return result;
    }

    /** A pino logger whose records the test reads. */
    function recordingLogger() {
      const records: Record<string, unknown>[] = [];
      const logger = pino(
        { level: 'info' },
        { write: (line: string) => void records.push(JSON.parse(line)) },
      );
      return { logger, records };
    }

    it('two connections opening the store at once on a fresh database both succeed, with exactly the declared indexes', async () => {
      const { dbName, raw } = await freshDatabase();
      const [a, b] = await Promise.all([openStore(dbName), openStore(dbName)]);
      expect(a.databaseName).toBe(dbName);
      expect(b.databaseName).toBe(dbName);
      expect(await present(raw)).toEqual(declared());
      // A third start on the finished database changes nothing either.
      await openStore(dbName);
      expect(await present(raw)).toEqual(declared());
    });

    it('two server processes starting at once on a fresh database both start, with exactly the declared indexes', async () => {
      const { dbName, raw } = await freshDatabase();
      const starts = await Promise.all([
        openInProcess(mongoUriWithDatabase(uri, dbName)),
        openInProcess(mongoUriWithDatabase(uri, dbName)),
      ]);
      for (const start of starts) expect(start.code, start.err).toBe(0);
      expect(await present(raw)).toEqual(declared());
    }, 60_000);

    it('keeps an index made by hand at start; store:migrate lists it with --dry-run, then drops it', async () => {
      const { dbName, raw } = await freshDatabase();
      await openStore(dbName);
      // What a database made before issue 14 holds, and what an operator might add by hand.
      await raw
        .collection('documents')
        .createIndex(
          { title: 'text' },
          { name: 'title_text', default_language: 'none', language_override: 'textSearchLanguage' },
        );
      await raw.collection('threads').createIndex({ workingGroupId: 1 }, { name: 'by_hand' });
      const withExtras = await present(raw);
      expect(withExtras.documents!.some((i) => i.startsWith('title_text '))).toBe(true);
      expect(withExtras.threads!.some((i) => i.startsWith('by_hand '))).toBe(true);

      // A restart (or a second process) keeps them: starting never drops.
      await openStore(dbName);
      expect(await present(raw)).toEqual(withExtras);

      const dry = recordingLogger();
      const listed = await migrateIndexes(uri, { dbName }, { dryRun: true, logger: dry.logger });
      expect(listed.map((i) => `${i.collection}.${i.name}`).sort()).toEqual([
        'documents.title_text',
        'threads.by_hand',
      ]);
      expect(
        dry.records.filter((r) => r.msg === 'index not declared by the code: would be dropped'),
      ).toHaveLength(2);
      expect(await present(raw)).toEqual(withExtras);

      const run = recordingLogger();
      await migrateIndexes(uri, { dbName }, { dryRun: false, logger: run.logger });
      const dropped = run.records.filter(
        (r) => r.msg === 'dropped an index the code does not declare',
      );
      expect(dropped.map((r) => `${r.collection}.${r.index}`).sort()).toEqual([
        'documents.title_text',
        'threads.by_hand',
      ]);
      expect(dropped[0]).toMatchObject({ database: dbName, dryRun: false });
      expect(await present(raw)).toEqual(declared());

      // Nothing left to do the second time.
      const again = recordingLogger();
      expect(
        await migrateIndexes(uri, { dbName }, { dryRun: false, logger: again.logger }),
      ).toEqual([]);
      expect(again.records.at(-1)?.msg).toBe('every index present is declared: nothing to drop');
    });

    it('a start refuses an index that conflicts with a declared one and names store:migrate, which replaces it', async () => {
      const { dbName, raw } = await freshDatabase();
      // An older version's `by_expiry`: the same name and key, but unique.
      await raw
        .collection('sessions')
        .createIndex({ expiresAt: 1 }, { name: 'by_expiry', unique: true });
      await expect(MongoStore.open(uri, { dbName })).rejects.toThrow(
        /sessions: an existing index conflicts with a declared one .*npm run store:migrate/s,
      );

      const { logger } = recordingLogger();
      const listed = await migrateIndexes(uri, { dbName }, { dryRun: false, logger });
      expect(listed).toEqual([
        { collection: 'sessions', name: 'by_expiry', key: { expiresAt: 1 } },
      ]);
      expect(await present(raw)).toEqual(declared());
      await openStore(dbName);
    });

    it('runs as a command: npm run store:migrate [-- --dry-run]', async () => {
      const { dbName, raw } = await freshDatabase();
      await openStore(dbName);
      await raw.collection('threads').createIndex({ workingGroupId: 1 }, { name: 'by_hand' });
      const hasByHand = async () =>
        (await raw.collection('threads').indexes()).some((i) => i.name === 'by_hand');

      const dry = migrateCommand(mongoUriWithDatabase(uri, dbName), '--dry-run');
      expect(dry.code, dry.err).toBe(0);
      expect(dry.records).toContainEqual(
        expect.objectContaining({
          command: 'store:migrate',
          collection: 'threads',
          index: 'by_hand',
          dryRun: true,
          msg: 'index not declared by the code: would be dropped',
        }),
      );
      expect(await hasByHand()).toBe(true);

      const run = migrateCommand(mongoUriWithDatabase(uri, dbName));
      expect(run.code, run.err).toBe(0);
      expect(run.records).toContainEqual(
        expect.objectContaining({
          collection: 'threads',
          index: 'by_hand',
          msg: 'dropped an index the code does not declare',
        }),
      );
      expect(await hasByHand()).toBe(false);
      expect(await present(raw)).toEqual(declared());
    });
  },
);

const SERVER_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

/** `npm run store:migrate` with the server's configuration pointing at `mongodbUri`. */
function migrateCommand(mongodbUri: string, ...args: string[]) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-migrate-'));
  try {
    const run = spawnSync(
      process.execPath,
      ['--import', 'tsx', 'src/store/migrate/cli.ts', ...args],
      {
        cwd: SERVER_ROOT,
        env: {
          PATH: process.env.PATH,
          NODE_ENV: 'test',
          DATA_DIR: dataDir,
          MONGODB_URI: mongodbUri,
        },
        encoding: 'utf8',
        timeout: 60_000,
      },
    );
    const records = run.stdout
      .split('\n')
      .filter((line) => line.startsWith('{'))
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    return { code: run.status, records, err: run.stderr };
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/** The URI with `database` as its path (the server takes the database from MONGODB_URI). */
/**
 * A process of its own that opens the store (connect, create collections and indexes) and
 * closes it: what each server process does at start.
 */
function openInProcess(mongodbUri: string): Promise<{ code: number | null; err: string }> {
  const script = [
    "import { MongoStore } from './src/store/mongo/MongoStore.ts';",
    'const store = await MongoStore.open(process.env.MONGODB_URI);',
    'await store.close();',
  ].join('\n');
  return new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ['--import', 'tsx', '--input-type=module', '--eval', script],
      { cwd: SERVER_ROOT, env: { PATH: process.env.PATH, MONGODB_URI: mongodbUri } },
    );
    let err = '';
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => resolve({ code, err }));
  });
}
