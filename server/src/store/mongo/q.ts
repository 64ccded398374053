import mongoose from 'mongoose';

/**
 * Filter helpers. The connection runs with `sanitizeFilter`, which turns any object with `$` keys
 * found in a filter value into a literal (`{ $eq: … }`): that is what keeps request data from
 * ever becoming an operator. The adapter's own operators must therefore be marked as trusted —
 * only here, and only around operators whose operands are plain strings or numbers.
 */
export function op<T extends object>(operator: T): T {
  return mongoose.trusted(operator);
}

/** `{ $and: [...] }` of the non-empty conditions (or the only one, or `{}`). */
export function and(...conditions: Record<string, unknown>[]): Record<string, unknown> {
  const parts = conditions.filter((c) => Object.keys(c).length > 0);
  if (parts.length === 0) return {};
  if (parts.length === 1) return parts[0]!;
  return { $and: parts };
}

/** Keyset condition "(field, _id) < (at, id)" for newest-first pages. */
export function before(field: string, at: string, id: string): Record<string, unknown> {
  return {
    $or: [{ [field]: op({ $lt: at }) }, { [field]: at, _id: op({ $lt: id }) }],
  };
}

/**
 * `$set` of the listed fields of a patch that are defined (undefined means "leave as is"), like
 * the SQLite adapter's `Assignments`; null when there is nothing to set. Only the listed keys
 * are read, whatever else the object carries.
 */
export function setOf<T extends object, K extends keyof T & string>(
  patch: T,
  keys: readonly K[],
): { $set: Record<string, unknown> } | null {
  const fields: Record<string, unknown> = {};
  for (const key of keys) if (patch[key] !== undefined) fields[key] = patch[key];
  return Object.keys(fields).length > 0 ? { $set: fields } : null;
}

/**
 * A string for an aggregation pipeline, which Mongoose neither casts nor sanitizes: anything
 * else is refused rather than sent to the server as a possible operator.
 */
export function literal(value: unknown): string {
  if (typeof value !== 'string') throw new TypeError('expected a string in an aggregation');
  return value;
}
