import type { Connection, mongo, Model } from 'mongoose';
import type { Logger } from 'pino';
import { connect, type MongoStoreOptions } from './connection.js';
import { STATE_BUCKET } from './largeStates.js';
import { createModels, type Models } from './models.js';

/**
 * Indexes on MongoDB, in two separate steps (issue 14):
 *
 * - at every start, `createDeclaredIndexes` builds what the schemas declare and never drops
 *   anything. Several processes may start at once (a scaled deployment, a rolling deploy) and
 *   all of them run it: creating an index that exists is a no-op, and a build that another
 *   process started is waited for by the server, so they cannot race into a different result;
 * - dropping what the code no longer declares is `npm run store:migrate` (`migrateIndexes`), run
 *   by an operator once no process of an older version still serves. A drop at start (what
 *   Mongoose's `syncIndexes()` does) let a new version remove an index the old one, still
 *   serving during a rolling deploy, was querying with.
 *
 * An index's name is its identity here: every declared index has one, and changing what an
 * index covers means giving it a new name (the old one is then dropped by store:migrate).
 */

/** An index that exists on a collection but that no schema declares (or not in that form). */
export interface UndeclaredIndex {
  collection: string;
  name: string;
  key: Record<string, unknown>;
}

type AnyModel = Model<unknown>;

function modelsOf(models: Models): AnyModel[] {
  return Object.values(models) as AnyModel[];
}

/** The indexes a model's schema declares, as `createIndexes` takes them. */
export function declaredIndexes(model: AnyModel): mongo.IndexDescription[] {
  return model.schema.indexes().map(([key, options]) => {
    if (typeof options.name !== 'string') {
      throw new Error(
        `${model.collection.collectionName}: every index needs an explicit name (store:migrate ` +
          `identifies indexes by name); ${JSON.stringify(key)} has none`,
      );
    }
    return { ...options, key, name: options.name } as mongo.IndexDescription;
  });
}

/**
 * Creates every collection and every declared index that is missing; drops nothing. One
 * `createIndexes` command per collection, so that a real server builds a collection's missing
 * indexes in a single scan of it. An index of the same name but another definition makes the
 * server refuse the command: that fails the start, naming the way out.
 */
export async function createDeclaredIndexes(models: Models): Promise<void> {
  for (const model of modelsOf(models)) {
    // Mongoose ignores "already exists" (code 48): another process may have just created it.
    await model.createCollection();
    const indexes = declaredIndexes(model);
    if (indexes.length === 0) continue;
    try {
      await model.collection.createIndexes(indexes);
    } catch (err) {
      const code = (err as { code?: unknown }).code;
      // IndexOptionsConflict, IndexKeySpecsConflict: an older definition under a declared name.
      if (code === 85 || code === 86) {
        throw new Error(
          `${model.collection.collectionName}: an existing index conflicts with a declared one ` +
            `(${(err as Error).message}). Run \`npm run store:migrate -- --dry-run\` to see it, ` +
            'then `npm run store:migrate` to replace it.',
          { cause: err },
        );
      }
      throw err;
    }
  }
}

/**
 * The GridFS bucket of large states (`largeStates.ts`) has no Mongoose model: its two indexes
 * are the ones the GridFS specification prescribes (names included), created here at start so
 * that no write ever builds one. The driver would otherwise create them on the first upload.
 */
export async function createStateFileIndexes(connection: Connection): Promise<void> {
  await connection
    .collection(`${STATE_BUCKET}.files`)
    .createIndexes([{ key: { filename: 1, uploadDate: 1 }, name: 'filename_1_uploadDate_1' }]);
  await connection
    .collection(`${STATE_BUCKET}.chunks`)
    .createIndexes([{ key: { files_id: 1, n: 1 }, name: 'files_id_1_n_1', unique: true }]);
}

/**
 * The indexes present that the code does not declare: an unknown name, or a declared name whose
 * stored definition differs (keys or options, as Mongoose's `diffIndexes` compares them).
 * Collections are listed in model order, indexes in the server's order. `_id_` is never listed.
 */
export async function findUndeclaredIndexes(models: Models): Promise<UndeclaredIndex[]> {
  const found: UndeclaredIndex[] = [];
  for (const model of modelsOf(models)) {
    const collection = model.collection.collectionName;
    const present = await model.listIndexes().catch((err: { code?: unknown }) => {
      if (err.code === 26) return []; // NamespaceNotFound: the collection does not exist yet.
      throw err;
    });
    const declared = new Set(declaredIndexes(model).map((i) => i.name));
    const { toDrop } = await model.diffIndexes();
    for (const index of present as { name: string; key: Record<string, unknown> }[]) {
      if (index.name === '_id_') continue;
      if (declared.has(index.name) && !toDrop.includes(index.name)) continue;
      found.push({ collection, name: index.name, key: index.key });
    }
  }
  return found;
}

export interface IndexMigrationOptions {
  /** Only list what would be dropped; change nothing. */
  dryRun: boolean;
  logger: Logger;
}

/**
 * store:migrate on MongoDB: logs every undeclared index and drops it (unless `dryRun`), then
 * creates the declared ones (an index whose definition changed is rebuilt under its name).
 * Returns what was found. It opens a connection of its own rather than a `MongoStore`, because
 * opening a store fails on exactly the conflicts this step repairs.
 */
export async function migrateIndexes(
  uri: string,
  options: MongoStoreOptions,
  { dryRun, logger }: IndexMigrationOptions,
): Promise<UndeclaredIndex[]> {
  // Unbounded, like the index step of `MongoStore.open`: a rebuild may take minutes.
  const connection = await connect(uri, { ...options, operationTimeoutMS: 0 });
  try {
    const models = createModels(connection);
    const log = logger.child({ database: connection.name, dryRun });
    const undeclared = await findUndeclaredIndexes(models);
    for (const index of undeclared) {
      const fields = { collection: index.collection, index: index.name, key: index.key };
      if (dryRun) {
        log.info(fields, 'index not declared by the code: would be dropped');
        continue;
      }
      try {
        await connection.collection(index.collection).dropIndex(index.name);
        log.info(fields, 'dropped an index the code does not declare');
      } catch (err) {
        // IndexNotFound: another store:migrate dropped it first; the outcome is the same.
        if ((err as { code?: unknown }).code !== 27) throw err;
        log.info(fields, 'index already dropped');
      }
    }
    if (!dryRun) {
      await createDeclaredIndexes(models);
      await createStateFileIndexes(connection);
    }
    log.info(
      { undeclared: undeclared.length },
      undeclared.length === 0
        ? 'every index present is declared: nothing to drop'
        : dryRun
          ? 'dry run: nothing was dropped'
          : 'undeclared indexes dropped; the declared ones are in place',
    );
    return undeclared;
  } finally {
    await connection.close();
  }
}
