import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import type { PresenceIdentity } from '@polisee/domain';

export interface AwarenessEntry {
  clientId: number;
  clock: number;
  state: Record<string, unknown> | null;
}

/** Decodes a y-protocols awareness update. Throws on anything malformed (caller closes the connection). */
export function decodeAwarenessUpdate(update: Uint8Array): AwarenessEntry[] {
  const decoder = decoding.createDecoder(update);
  const count = decoding.readVarUint(decoder);
  const entries: AwarenessEntry[] = [];
  for (let i = 0; i < count; i++) {
    const clientId = decoding.readVarUint(decoder);
    const clock = decoding.readVarUint(decoder);
    const state: unknown = JSON.parse(decoding.readVarString(decoder));
    if (state !== null && (typeof state !== 'object' || Array.isArray(state))) {
      throw new Error('awareness state must be an object or null');
    }
    entries.push({ clientId, clock, state: state as Record<string, unknown> | null });
  }
  return entries;
}

export function encodeAwarenessUpdate(entries: AwarenessEntry[]): Uint8Array {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, entries.length);
  for (const e of entries) {
    encoding.writeVarUint(encoder, e.clientId);
    encoding.writeVarUint(encoder, e.clock);
    encoding.writeVarString(encoder, JSON.stringify(e.state));
  }
  return encoding.toUint8Array(encoder);
}

/**
 * Replaces whatever identity the client claimed with the one from its session: a client can
 * move its cursor, never pretend to be someone else.
 */
export function withServerIdentity(
  entries: AwarenessEntry[],
  identity: PresenceIdentity,
): AwarenessEntry[] {
  return entries.map((e) =>
    e.state === null ? e : { ...e, state: { ...e.state, user: identity } },
  );
}
