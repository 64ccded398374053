import { parseArgs } from 'node:util';
import { EXIT_BAD_CONFIG, loadConfigForCommand } from '../config.js';
import { createLogger } from '../logging.js';
import { createServiceContext } from '../services/context.js';
import { openStore, storeChoiceFrom } from '../store/openStore.js';
import { rebuildSearchIndex } from './rebuildSearchIndex.js';

/**
 * The search:reindex command: rebuilds the whole search index from the store (decision 0059),
 * after a change to how text is folded (decision 0055) or to what is indexed, or to repair it.
 *
 * npm run search:reindex
 *
 * Uses the server's own configuration (MONGODB_URI, or the SQLite file in DATA_DIR). Safe while
 * servers run: entries are replaced one document at a time, search keeps answering, and what
 * changes meanwhile the servers index as usual. Exit codes: 0 done; 1 failed; 2 usage; 78 bad
 * configuration.
 */
const USAGE = `usage: npm run search:reindex
  Rebuilds the search index of the configured store: every document with its comment threads,
  every workshop's decisions. Archived documents are taken out of it.`;

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  let values: { help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { help: { type: 'boolean', short: 'h' } },
      strict: true,
    }));
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) {
    out(USAGE);
    return 0;
  }
  const config = loadConfigForCommand(err);
  if (!config) return EXIT_BAD_CONFIG;
  const logger = createLogger(config.logLevel).child({ command: 'search:reindex' });
  const choice = storeChoiceFrom(config);
  const store = await openStore(choice);
  const ctx = createServiceContext(store, logger);
  try {
    const started = Date.now();
    const done = await rebuildSearchIndex(ctx, {
      onProgress: (p) => logger.info(p, 'reindexing'),
    });
    logger.info({ store: choice.adapter, ...done, ms: Date.now() - started }, 'index rebuilt');
    return 0;
  } finally {
    await ctx.contentReader.close();
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(`search:reindex failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
