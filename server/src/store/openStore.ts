import type { Config } from '../config.js';
import { MongoStore } from './mongo/MongoStore.js';
import type { Store } from './ports.js';
import { SqliteStore } from './sqlite/SqliteStore.js';

/**
 * Picks the adapter from the configuration: MongoDB when `MONGODB_URI` is set, else the
 * embedded SQLite file in DATA_DIR. `mongoDbName` overrides the database named in the URI
 * (the test server gives each instance a fresh one).
 */
export async function openStore(
  config: Pick<Config, 'mongodbUri' | 'mongodbWriteConcern' | 'sqlitePath'>,
  options: { mongoDbName?: string } = {},
): Promise<Store> {
  if (config.mongodbUri) {
    return MongoStore.open(config.mongodbUri, {
      writeConcern: config.mongodbWriteConcern,
      ...(options.mongoDbName ? { dbName: options.mongoDbName } : {}),
    });
  }
  return new SqliteStore(config.sqlitePath);
}
