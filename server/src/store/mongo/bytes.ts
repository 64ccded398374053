/**
 * Yjs bytes at the adapter edge. Mongoose casts a Buffer (not a bare Uint8Array) for a Buffer
 * path, and reads come back as BSON `Binary` (or a Buffer, depending on the path taken): the
 * port speaks plain `Uint8Array` both ways.
 */

/** A Buffer view on the same memory (no copy), for writing. */
export function toBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface BsonBinary {
  _bsontype: 'Binary';
  buffer: Uint8Array;
  position: number;
}

function isBsonBinary(value: unknown): value is BsonBinary {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { _bsontype?: unknown })._bsontype === 'Binary'
  );
}

/** A fresh, plain `Uint8Array` (never a Buffer or a view on driver memory), for reading. */
export function fromBinary(value: unknown): Uint8Array {
  if (isBsonBinary(value)) return new Uint8Array(value.buffer.subarray(0, value.position));
  if (value instanceof Uint8Array) return new Uint8Array(value);
  throw new TypeError('expected binary data from MongoDB');
}
