import { AppError } from '@polisee/domain';
import { pino } from 'pino';
import { EXIT_BAD_CONFIG, loadConfigForCommand } from '../config.js';
import { createServiceContext } from '../services/context.js';
import { openStore, storeChoiceFrom } from '../store/openStore.js';
import { parseAdminArgs, USAGE } from './args.js';
import { createAdmin } from './createAdmin.js';

/**
 * npm run admin:create -- --email ana@example.org --name "Ana Admin" \
 *   --organisation "Region of Central Macedonia" --country GR [--type public_authority]
 *   [--language en] [--password-stdin]
 *
 * Uses the server's own configuration (MONGODB_URI, or the SQLite file in DATA_DIR).
 * Exit codes: 0 created; 2 refused (usage, invalid input, email taken); 78 bad configuration.
 */

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  // One line: the trailing newline of `echo` or a file is not part of the password.
  return Buffer.concat(chunks).toString('utf8').split(/\r?\n/)[0] ?? '';
}

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  let args: ReturnType<typeof parseAdminArgs>;
  try {
    args = parseAdminArgs(argv);
  } catch (e) {
    err(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (args.help) {
    out(USAGE);
    return 0;
  }
  const config = loadConfigForCommand(err);
  if (!config) return EXIT_BAD_CONFIG;
  const password = args.passwordStdin ? await readStdin() : undefined;
  // The server's choice, from the same configuration.
  const store = await openStore(storeChoiceFrom(config));
  try {
    const ctx = createServiceContext(store, pino({ level: 'silent' }));
    const created = await createAdmin(ctx, { ...args.input, ...(password ? { password } : {}) });
    out(`Created the administrator ${created.user.email} (${created.user.name}).`);
    out(
      `Organisation: ${created.organisation.name}, ${created.organisation.country}` +
        (created.createdOrganisation ? ' (created)' : ' (existing)'),
    );
    if (created.generatedPassword) {
      out();
      out(`  One-time password: ${created.generatedPassword}`);
      out();
      out('It is shown only now and stored only as a hash: sign in and change it (Profile).');
    }
    return 0;
  } catch (e) {
    if (e instanceof AppError) {
      err(`admin:create: ${e.message}`);
      if (e.code === 'validation_failed') err(USAGE);
      return 2;
    }
    throw e;
  } finally {
    await store.close();
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(`admin:create failed: ${e instanceof Error ? e.message : String(e)}`);
    process.exit(1);
  },
);
