import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { MongoStore } from '../store/mongo/MongoStore.js';
import type { Store } from '../store/ports.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import { freshDatabaseName, mongoSkippedLine, TEST_MONGODB_URI } from './mongo.js';

/** One adapter under the store contract: a fresh store per test, removed afterwards. */
export interface AdapterUnderTest {
  name: string;
  open(): Promise<Store>;
  /** Closes the store and opens what it stored again: a restart of the process. */
  reopen(store: Store): Promise<Store>;
  /** Closes the store and removes what it stored. */
  dispose(store: Store): Promise<void>;
  cleanup(): void;
}

/**
 * The adapters every contract suite runs against: SQLite always, MongoDB when MONGODB_URI
 * names a server (a fresh database per test, dropped afterwards). A new adapter adds one entry.
 */
export function storeAdapters(suite: string): AdapterUnderTest[] {
  const dir = mkdtempSync(path.join(tmpdir(), `polisee-${suite}-`));
  let counter = 0;
  const files = new WeakMap<Store, string>();
  const openSqlite = (file: string) => {
    const store = new SqliteStore(file);
    files.set(store, file);
    return store;
  };
  const adapters: AdapterUnderTest[] = [
    {
      name: 'SqliteStore',
      open: async () => openSqlite(path.join(dir, `store-${++counter}.db`)),
      async reopen(store) {
        await store.close();
        return openSqlite(files.get(store)!);
      },
      dispose: (store) => store.close(),
      cleanup: () => rmSync(dir, { recursive: true, force: true }),
    },
  ];
  if (TEST_MONGODB_URI) {
    const uri = TEST_MONGODB_URI;
    adapters.push({
      name: 'MongoStore',
      open: () => MongoStore.open(uri, { dbName: freshDatabaseName(`polisee_${suite}`) }),
      async reopen(store) {
        const dbName = (store as MongoStore).databaseName;
        await store.close();
        return MongoStore.open(uri, { dbName });
      },
      async dispose(store) {
        await (store as MongoStore).dropDatabase();
        await store.close();
      },
      cleanup: () => undefined,
    });
  } else {
    console.info(mongoSkippedLine(`store ${suite}`));
  }
  return adapters;
}
