import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ConfigError, loadConfig, type Config } from './config.js';
import { watchEventLoopStalls } from './eventLoopStalls.js';
import { createLogger } from './logging.js';
import { guardProcess } from './security/processGuard.js';
import { rebuildSearchIndexIfEmpty } from './search/rebuildSearchIndex.js';
import { seedDemoWorkspace } from './seed/seedDemoWorkspace.js';
import { startServer } from './server.js';
import { createServiceContext } from './services/context.js';
import { openStore, storeChoiceFrom } from './store/openStore.js';

/**
 * Composition root: reads the configuration, picks the store adapter, seeds an empty
 * workspace, and starts the one HTTP server. The only file that knows which adapter runs.
 */
async function main() {
  let config: Config;
  try {
    config = loadConfig();
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      process.exit(78); // EX_CONFIG
    }
    throw err;
  }
  config.clientDist ??= path.resolve(
    path.dirname(fileURLToPath(import.meta.url)),
    '../../client/dist',
  );
  const logger = createLogger(config.logLevel);

  // The one place the server decides which adapter runs: MongoDB when MONGODB_URI is set, else
  // the embedded SQLite file in DATA_DIR.
  const choice = storeChoiceFrom(config);
  const store = await openStore(choice, { server: { logger } });
  logger.info(
    { store: choice.adapter },
    choice.adapter === 'mongodb' ? 'connected to MongoDB' : `using ${choice.path}`,
  );
  const ctx = createServiceContext(store, logger);

  if (config.seedDemo && (await store.isEmpty())) {
    const { generatedPassword } = await seedDemoWorkspace(ctx, {
      password: config.demoPassword,
      appOrigin: config.publicOrigin ?? `http://localhost:${config.port}`,
    });
    logger.info(
      'seeded the demo workspace (admin@polisee.test, lead@, member@, observer@, sc@, stc@polisee.test)',
    );
    if (generatedPassword) {
      // Printed once, on the console only: it is not stored anywhere in clear.
      process.stdout.write(
        `\n  Demo password for every @polisee.test user: ${generatedPassword}\n\n`,
      );
    }
  }

  const running = await startServer(config, ctx, logger);
  // In the background: the server answers meanwhile, search finds more as the rebuild goes on.
  const reindex = rebuildSearchIndexIfEmpty(ctx);
  guardProcess(logger);
  watchEventLoopStalls(logger);
  logger.info({ port: running.port }, `PoliSEE is serving at http://localhost:${running.port}`);

  const purge = setInterval(() => void store.sessions.purgeExpired(Date.now()), 60 * 60 * 1000);
  purge.unref();

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    await reindex.stop();
    await running.close();
    await store.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: unknown) => {
  process.stderr.write(
    `PoliSEE failed to start: ${err instanceof Error ? err.message : String(err)}\n`,
  );
  process.exit(1);
});
