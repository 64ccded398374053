import { randomBytes } from 'node:crypto';
import type { TestOptions } from 'vitest';

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

/**
 * `uri` with `dbName` as its database, for a process that reads its database from MONGODB_URI
 * (a CLI, a server in a child process): `mongodb://h1,h2/old?x=1` → `mongodb://h1,h2/<db>?x=1`.
 */
export function mongoUriWithDatabase(uri: string, dbName: string): string {
  const m = /^(mongodb(?:\+srv)?:\/\/[^/?]+)(?:\/[^?]*)?(\?.*)?$/.exec(uri);
  if (!m) throw new Error(`not a MongoDB URI: ${uri}`);
  return `${m[1]}/${dbName}${m[2] ?? ''}`;
}

/** The one line a test file prints when its MongoDB part does not run. */
export function mongoSkippedLine(what: string): string {
  return `${what}: MongoStore skipped — set MONGODB_URI=mongodb://… (e.g. mongodb://127.0.0.1:27017) to run it against a MongoDB server`;
}

/**
 * What a MongoDB test may need that the CI stand-in lacks (mongo-java-server; its gaps are
 * listed in docs/operations.md). The adapter itself needs none of them today.
 */
export type MongoFeature =
  | 'sessions'
  | 'transactions'
  | '$text'
  | 'TTL indexes'
  | 'secondary index builds'
  | '$lookup with localField and pipeline'
  | 'positional $ after $elemMatch';

/** Set by `npm run test:mongo` when it runs on the stand-in rather than on a MongoDB server. */
export const ON_MONGO_STANDIN = process.env.MONGODB_STANDIN === '1';

declare module 'vitest' {
  interface TaskMeta {
    /** What the test needs of MongoDB; the run lists it when the stand-in skips the test. */
    needsMongoFeature?: MongoFeature;
  }
}

/**
 * Options of a test that needs `feature` of MongoDB: skipped on the stand-in only (and only when
 * the test runs on MongoDB), never on a real server and never deleted. The feature rides in the
 * test's meta, from which `npm run test:mongo` prints "skipped on the stand-in: <test> — needs
 * <feature>". In a contract suite pass whether this adapter is the MongoDB one:
 * `it('…', needsMongoFeature('transactions', adapter.name === 'MongoStore'), async () => …)`.
 */
export function needsMongoFeature(
  feature: MongoFeature,
  onMongo: boolean = Boolean(TEST_MONGODB_URI),
): TestOptions {
  return { skip: ON_MONGO_STANDIN && onMongo, meta: { needsMongoFeature: feature } };
}
