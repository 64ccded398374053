import { createHash } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { seedDemoWorkspace } from '../seed/seedDemoWorkspace.js';
import { startServer, type RunningServer } from '../server.js';
import { createServiceContext, type ServiceContext } from '../services/context.js';
import { MongoStore } from '../store/mongo/MongoStore.js';
import { openStore, storeChoiceFrom } from '../store/openStore.js';
import { TEST_MONGODB_URI } from './mongo.js';

export const TEST_PASSWORD = 'demo-password-for-tests';

/**
 * The database of the test server on `dataDir`: unique per temporary directory, and the same
 * again when a test restarts on that directory.
 */
export function testDatabaseName(dataDir: string): string {
  return `polisee_test_${createHash('sha256').update(dataDir).digest('hex').slice(0, 16)}`;
}

export interface TestServer {
  baseUrl: string;
  ctx: ServiceContext;
  dataDir: string;
  collab(): RunningServer['collab'];
  /**
   * Stops the server; `keepData` leaves the SQLite file (or the MongoDB database) for a restart
   * on the same directory.
   */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * The real server on 127.0.0.1, port 0, with the demo workspace seeded: on a real SQLite file
 * in a fresh temporary directory, or, when MONGODB_URI is set, on a fresh MongoDB database
 * derived from that directory (dropped on close). Pass `dataDir` to restart on existing data.
 */
export async function startTestServer(
  options: { dataDir?: string; env?: Record<string, string> } = {},
): Promise<TestServer> {
  const dataDir = options.dataDir ?? mkdtempSync(path.join(tmpdir(), 'polisee-it-'));
  const config = loadConfig({
    NODE_ENV: 'test',
    HOST: '127.0.0.1',
    PORT: '0',
    DATA_DIR: dataDir,
    LOG_LEVEL: 'silent',
    DEMO_PASSWORD: TEST_PASSWORD,
    ...(TEST_MONGODB_URI ? { MONGODB_URI: TEST_MONGODB_URI } : {}),
    ...options.env,
  });
  const logger = pino({ level: 'silent' });
  // MongoDB when the suite runs against one (TEST_MONGODB_URI), each server in a fresh database.
  const choice = storeChoiceFrom(config);
  const store = await openStore(
    choice.adapter === 'mongodb'
      ? { ...choice, options: { ...choice.options, dbName: testDatabaseName(dataDir) } }
      : choice,
    { server: { logger } },
  );
  const ctx = createServiceContext(store, logger);
  if (await store.isEmpty()) await seedDemoWorkspace(ctx, { password: TEST_PASSWORD });
  const running = await startServer(config, ctx, logger);
  return {
    baseUrl: `http://127.0.0.1:${running.port}`,
    ctx,
    dataDir,
    collab: () => running.collab,
    async close({ keepData = false } = {}) {
      await running.close();
      if (!keepData && store instanceof MongoStore) await store.dropDatabase();
      await store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
