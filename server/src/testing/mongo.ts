import { randomBytes } from 'node:crypto';

/**
 * Tests on MongoDB. They run when `MONGODB_URI` names a server (e.g.
 * `MONGODB_URI=mongodb://127.0.0.1:27017 npm test`), each on a database of its own that is
 * dropped afterwards; without it they are skipped, saying so in one line. Reading the
 * environment here is the tests' own decision, not configuration (that is config.ts).
 */
export const TEST_MONGODB_URI: string | undefined = process.env.MONGODB_URI || undefined;

/** A database name nobody else uses (`polisee_test_<random>`). */
export function freshDatabaseName(prefix = 'polisee_test'): string {
  return `${prefix}_${randomBytes(6).toString('hex')}`;
}

/** The one line a test file prints when its MongoDB part does not run. */
export function mongoSkippedLine(what: string): string {
  return `${what}: MongoStore skipped — set MONGODB_URI=mongodb://… (e.g. mongodb://127.0.0.1:27017) to run it against a MongoDB server`;
}
