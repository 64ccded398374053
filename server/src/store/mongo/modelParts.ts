import { Schema, type SchemaOptions } from 'mongoose';

/**
 * What every model is built from: the stored shape of a domain type, the check that a schema
 * declares exactly that shape, the options every schema shares and the path types they use.
 *
 * Entity ids (UUID strings) are the `_id`; rows without an id of their own (memberships, log
 * entries, read marks) get the default ObjectId and a unique compound index on their natural
 * key. Timestamps stay ISO-8601 strings, exactly as the port carries them: they sort and compare
 * as strings, the same way the SQLite adapter compares them.
 */

/**
 * A record of the port (a domain entity, or a port type such as `StoredUser`) as a MongoDB
 * document: its id field becomes `_id`, every other field is kept as the port declares it.
 */
export type Stored<T, IdField extends keyof T = 'id' & keyof T> = Omit<T, IdField> & {
  _id: T[IdField];
};

/**
 * The paths a schema declares for a stored shape: every field, and no other. Used with
 * `satisfies`, so that a field added to (or dropped from) the domain type fails to compile here
 * rather than being refused at runtime by `strict: 'throw'`.
 */
export type SchemaPaths<T> = Record<keyof T, unknown>;

/** Every schema: no `__v`, no `id` virtual, unknown fields are errors, never silently kept. */
export const base = {
  versionKey: false,
  id: false,
  strict: 'throw',
  strictQuery: 'throw',
  autoIndex: false,
  autoCreate: false,
} as const satisfies SchemaOptions;

/** A subdocument embedded in its parent: no `_id` of its own, unknown fields are errors. */
export const embedded = { _id: false, id: false, versionKey: false, strict: 'throw' } as const;

export const str = { type: String, required: true } as const;
/** A string that may be empty ('' fails Mongoose's `required` for strings). */
export const text = { type: String, default: '' } as const;
export const nullableStr = { type: String, default: null } as const;
/** Mongoose gives array paths an empty array by default. */
export const strings = { type: [String] };
export const int = { type: Number, required: true } as const;
/** Yjs bytes (BSON binary). Not `required`: Mongoose would reject an empty buffer. */
export const bytes = { type: Buffer } as const;
/**
 * A Yjs state that may be past 16 MiB (`largeStates.ts`): inline bytes, or null with the id of
 * the GridFS file that holds them.
 */
export const inlineState = { type: Buffer, default: null } as const;
export const stateFile = { type: Schema.Types.ObjectId, default: null } as const;
