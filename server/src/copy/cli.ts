import { parseArgs } from 'node:util';
import { storedContentHash } from '../content/storedContentHash.js';
import {
  compareSummaries,
  copyStore,
  openStoreUrl,
  StoreCopyError,
  summarize,
} from '../store/copy/storeCopy.js';
import type { Store } from '../store/ports.js';

/**
 * The store:copy command, a composition root of its own: it opens the two stores and gives the
 * copy its content comparison (the store itself does not read document content).
 *
 * npm run store:copy -- --from sqlite:./data/polisee.db --to mongodb://127.0.0.1:27017/polisee
 *
 * Exit codes: 0 copied and verified; 1 verification found a mismatch; 2 refused (usage, an
 * unreadable source, a non-empty target); anything else is an unexpected failure.
 */
const USAGE = `usage: npm run store:copy -- --from <store> --to <store>
  <store> is sqlite:<path> (relative to the current directory) or mongodb://…/<database>
  The target must be empty. Sessions are not copied: everyone signs in again.`;

const out = (line = '') => process.stdout.write(`${line}\n`);
const err = (line: string) => process.stderr.write(`${line}\n`);

async function main(argv: string[]): Promise<number> {
  let values: { from?: string; to?: string; help?: boolean };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        from: { type: 'string' },
        to: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
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
  if (!values.from || !values.to) {
    err(USAGE);
    return 2;
  }

  let source: Store | null = null;
  let target: Store | null = null;
  try {
    source = await openStoreUrl(values.from, { mustExist: true });
    target = await openStoreUrl(values.to);
    out(`Copying ${redact(values.from)} → ${redact(values.to)}`);
    const started = Date.now();
    await copyStore(source, target, (kind) => out(`  copying ${kind}…`));
    out(`Copied in ${((Date.now() - started) / 1000).toFixed(1)} s. Verifying…`);
    const comparison = compareSummaries(
      await summarize(source, storedContentHash),
      await summarize(target, storedContentHash),
    );
    out();
    comparison.lines.forEach((line) => out(line));
    out();
    if (!comparison.ok) {
      err('store:copy: the copy does NOT match its source (see MISMATCH above).');
      return 1;
    }
    out('store:copy: every entity and every document matches. Sessions were not copied.');
    return 0;
  } catch (e) {
    if (e instanceof StoreCopyError) {
      err(`store:copy: ${e.message}`);
      return 2;
    }
    throw e;
  } finally {
    await source?.close();
    await target?.close();
  }
}

/** Never print a password from a connection string. */
function redact(url: string): string {
  return url.replace(/\/\/[^@/]*@/, '//***@');
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    err(`store:copy failed: ${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    process.exit(3);
  },
);
