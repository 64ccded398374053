import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pino } from 'pino';
import { loadConfig } from '../config.js';
import { seedDemoWorkspace } from '../seed/seedDemoWorkspace.js';
import { startServer, type RunningServer } from '../server.js';
import { createServiceContext, type ServiceContext } from '../services/context.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';

export const TEST_PASSWORD = 'demo-password-for-tests';

export interface TestServer {
  baseUrl: string;
  ctx: ServiceContext;
  dataDir: string;
  collab(): RunningServer['collab'];
  /** Stops the server; `keepData` leaves the SQLite file for a restart on the same directory. */
  close(options?: { keepData?: boolean }): Promise<void>;
}

/**
 * The real server on 127.0.0.1, port 0, with a real SQLite file in a fresh temporary
 * directory and the demo workspace seeded. Pass `dataDir` to restart on existing data.
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
    ...options.env,
  });
  const logger = pino({ level: 'silent' });
  const store = new SqliteStore(config.sqlitePath);
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
      await store.close();
      if (!keepData) rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
