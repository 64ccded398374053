import type { Logger } from 'pino';
import type { Config } from '../config.js';
import type { MongoStoreOptions } from './mongo/MongoStore.js';
import type { Store } from './ports.js';
import { SqliteStore } from './sqlite/SqliteStore.js';

/** Which adapter runs, as a composition root decided it (main.ts, the CLIs, the test server). */
export type StoreChoice =
  | { adapter: 'sqlite'; path: string }
  | { adapter: 'mongodb'; uri: string; options?: MongoStoreOptions };

/**
 * The choice the configuration makes, the same for the server and every command: MongoDB when
 * MONGODB_URI is set (with its write concern and operation bound), else the embedded SQLite file.
 */
export function storeChoiceFrom(config: Config): StoreChoice {
  return config.mongodbUri
    ? {
        adapter: 'mongodb',
        uri: config.mongodbUri,
        options: {
          writeConcern: config.mongodbWriteConcern,
          operationTimeoutMS: config.mongodbTimeoutMS,
        },
      }
    : { adapter: 'sqlite', path: config.sqlitePath };
}

/**
 * Opens the chosen adapter. It reads no configuration: the choice is its caller's, so that one
 * place (main.ts for the server) says which store runs. `server`: the store of a long-running
 * server, which moves the embedded file's WAL checkpoints to a thread (decision 0102).
 */
export async function openStore(
  choice: StoreChoice,
  { server }: { server?: { logger: Logger } } = {},
): Promise<Store> {
  switch (choice.adapter) {
    case 'mongodb': {
      // Loaded only when chosen: the driver and its BSON buffers are ~25 MB of memory that a
      // process on the embedded default would carry for nothing.
      const { MongoStore } = await import('./mongo/MongoStore.js');
      return MongoStore.open(choice.uri, choice.options);
    }
    case 'sqlite':
      return new SqliteStore(choice.path, { checkpointThread: server });
  }
}
