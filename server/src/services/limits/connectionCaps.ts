/** The kinds of long-lived connection a user holds, each capped on its own. */
export type ConnectionKind = 'collab' | 'socket';

/**
 * How many connections of a kind each user holds open: counted by this process alone, or by
 * every process together through Redis (scaleout/sharedConnectionCaps.ts), so that n processes
 * still allow a user the one cap and not n times it.
 */
export interface ConnectionCaps {
  /**
   * Takes a slot for `connectionId` unless the user holds `limit` of this kind already (false).
   * The check and the taking are one step: a burst of handshakes cannot all slip under the cap.
   */
  admit(
    kind: ConnectionKind,
    userId: string,
    connectionId: string,
    limit: number,
  ): Promise<boolean>;
  /** Frees the slot; a connection that holds none is ignored. */
  release(kind: ConnectionKind, userId: string, connectionId: string): void;
  close(): Promise<void>;
}

/** The caps of one process, in its memory. */
export class LocalConnectionCaps implements ConnectionCaps {
  private readonly held = new Map<string, Set<string>>();

  /** Synchronous from check to taking: one process's handshakes interleave only around it. */
  admitNow(kind: ConnectionKind, userId: string, connectionId: string, limit: number): boolean {
    const key = `${kind}:${userId}`;
    const slots = this.held.get(key) ?? new Set<string>();
    if (slots.has(connectionId)) return true;
    if (slots.size >= limit) return false;
    slots.add(connectionId);
    this.held.set(key, slots);
    return true;
  }

  async admit(kind: ConnectionKind, userId: string, connectionId: string, limit: number) {
    return this.admitNow(kind, userId, connectionId, limit);
  }

  release(kind: ConnectionKind, userId: string, connectionId: string): void {
    const key = `${kind}:${userId}`;
    const slots = this.held.get(key);
    slots?.delete(connectionId);
    if (slots?.size === 0) this.held.delete(key);
  }

  /** Every slot held here, for the shared caps to renew. */
  *entries(): Generator<{ kind: ConnectionKind; userId: string; connectionId: string }> {
    for (const [key, slots] of this.held) {
      const at = key.indexOf(':');
      const kind = key.slice(0, at) as ConnectionKind;
      const userId = key.slice(at + 1);
      for (const connectionId of slots) yield { kind, userId, connectionId };
    }
  }

  async close(): Promise<void> {
    this.held.clear();
  }
}
