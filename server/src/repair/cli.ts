import { AppError } from '@polisee/domain';
import { pino } from 'pino';
import { EXIT_BAD_CONFIG, loadConfigForCommand } from '../config.js';
import { liveDocumentsOver } from '../collab/liveDocuments.js';
import { RoomManager } from '../collab/RoomManager.js';
import { createRoomRules } from '../collab/roomRules.js';
import { createServiceContext } from '../services/context.js';
import { repairDocumentContent } from '../services/repairDocumentContent.js';
import { openStore, storeChoiceFrom } from '../store/openStore.js';

const USAGE = `Usage: npm run doc:repair -- [--dry-run] <documentId> [<documentId> …]

Removes from each document what the editor schema cannot read (foreign root types, unknown
elements and marks, attribute values outside their allowed values), as one new change: the
update log keeps what was removed. --dry-run only lists it.

Stop the server first: it keeps open documents in memory and would not see the repair.
Uses the server's own configuration (MONGODB_URI, or the SQLite file in DATA_DIR).
Exit codes: 0 done (or nothing to repair); 1 failed; 2 usage or unknown document; 78 bad configuration.`;

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  if (argv.includes('--help') || argv.includes('-h')) {
    out(USAGE);
    return 0;
  }
  const dryRun = argv.includes('--dry-run');
  const ids = argv.filter((a) => !a.startsWith('--'));
  const unknownFlags = argv.filter((a) => a.startsWith('--') && a !== '--dry-run');
  if (ids.length === 0 || unknownFlags.length > 0) {
    err(USAGE);
    return 2;
  }
  const config = loadConfigForCommand(err);
  if (!config) return EXIT_BAD_CONFIG;
  // The server's choice, from the same configuration.
  const store = await openStore(storeChoiceFrom(config));
  const logger = pino({ level: 'silent' });
  const rooms = new RoomManager(
    store.documentState,
    logger,
    createRoomRules(config.maxDocumentBytes),
  );
  const live = liveDocumentsOver(rooms, store.documentState, { take: () => [] });
  const ctx = createServiceContext(store, logger);
  let code = 0;
  try {
    for (const id of ids) {
      let report;
      try {
        report = await repairDocumentContent(ctx, live, id, { dryRun });
      } catch (e) {
        if (!(e instanceof AppError) || e.code !== 'not_found') throw e;
        err(`${id}: no such document`);
        code = 2;
        continue;
      }
      if (report.damage.length === 0) {
        out(`${id}: nothing outside the schema`);
        continue;
      }
      out(`${id}: ${report.damage.length} place(s) outside the schema${dryRun ? '' : ', removed'}`);
      for (const d of report.damage) out(`  ${d.where || '/'}: ${d.violation}`);
    }
  } finally {
    // Every change is durable before the store closes.
    await rooms.closeAll();
    await store.close();
  }
  return code;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(`doc:repair failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
