import { parseArgs } from 'node:util';
import { EXIT_BAD_CONFIG, loadConfigForCommand } from '../../config.js';
import { createLogger } from '../../logging.js';
import { migrateIndexes } from '../mongo/indexes.js';

/**
 * The store:migrate command: the explicit step that removes what the running code no longer
 * needs from the store. Today that is MongoDB's undeclared indexes (the server only ever creates
 * indexes at start, so that several processes and versions can start side by side).
 *
 * npm run store:migrate [-- --dry-run]
 *
 * Uses the server's own configuration (MONGODB_URI, or the SQLite file in DATA_DIR). Every index
 * found and dropped is a log line. Exit codes: 0 done (or nothing to do); 1 failed; 2 usage;
 * 78 bad configuration.
 */
const USAGE = `usage: npm run store:migrate [-- --dry-run]
  On MongoDB: lists, per collection, the indexes the code does not declare and drops them, then
  creates the declared ones. --dry-run only lists them. Run it once every server process runs the
  new version (an older one may still query an index this drops).
  On the embedded SQLite store there is nothing to do: its migrations run at start, versioned.`;

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  let values: { 'dry-run'?: boolean; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { 'dry-run': { type: 'boolean' }, help: { type: 'boolean', short: 'h' } },
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
  const dryRun = values['dry-run'] ?? false;
  const logger = createLogger(config.logLevel).child({ command: 'store:migrate' });
  // The server's choice, from the same configuration: MongoDB when MONGODB_URI is set.
  if (!config.mongodbUri) {
    logger.info(
      { store: 'sqlite', dryRun },
      'nothing to do: the SQLite store migrates itself at start (versioned with PRAGMA user_version)',
    );
    return 0;
  }
  await migrateIndexes(
    config.mongodbUri,
    { writeConcern: config.mongodbWriteConcern },
    { dryRun, logger: logger.child({ store: 'mongodb' }) },
  );
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(`store:migrate failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
