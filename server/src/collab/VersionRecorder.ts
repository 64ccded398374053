import type { Logger } from 'pino';
import * as Y from 'yjs';
import { captureState, type CapturedState } from '../content/versionContent.js';
import type { ServiceContext } from '../services/context.js';
import { recordAutoVersion } from '../services/versions/recordAutoVersion.js';
import type { ContributorSource } from './liveDocuments.js';
import type { Room } from './Room.js';
import type { RoomManager } from './RoomManager.js';
import { logDamage } from '../content/documentRepair.js';

export interface VersionTiming {
  /** A burst of editing has ended after this long without an update. */
  quietMs: number;
  /** …but a document edited without pause still gets a version this long after its first edit. */
  maxDelayMs: number;
  /** Automatic versions of one document are at least this far apart. */
  minIntervalMs: number;
}

export const DEFAULT_VERSION_TIMING: VersionTiming = {
  quietMs: 2 * 60_000,
  maxDelayMs: 10 * 60_000,
  minIntervalMs: 10 * 60_000,
};

/** Edits to a document since its last version. */
interface Pending {
  contributors: Set<string>;
  firstEditAt: number;
  lastEditAt: number;
  timer: NodeJS.Timeout | null;
}

/** The member an update was applied for, when its origin says so (a member's connection). */
function memberOf(origin: unknown): string | null {
  if (typeof origin !== 'object' || origin === null) return null;
  const userId = (origin as { userId?: unknown }).userId;
  return typeof userId === 'string' ? userId : null;
}

/**
 * The users behind an update. When the update's origin is a member, that member. When the
 * room applied a batch of members' updates as one transaction (its origin is then the room
 * itself), the authors are read from the update: the Yjs clients that wrote new items in it,
 * matched to the members that speak for them (a stock client's awareness client is its doc's
 * client). Deletions carry no author in Yjs, so an update that only deletes is credited to the
 * member that applied it when known, else to nobody.
 */
function editorsOf(room: Room, update: Uint8Array, origin: unknown): string[] {
  const member = memberOf(origin);
  if (member) return [member];
  // The server's own changes (comment anchors, restores) are nobody's edits.
  if (typeof origin !== 'object' || origin === null) return [];
  const writers = Y.parseUpdateMeta(update).to;
  if (writers.size === 0) return [];
  const editors: string[] = [];
  for (const [m, clients] of room.members) {
    for (const client of clients) {
      if (writers.has(client)) {
        editors.push(m.userId);
        break;
      }
    }
  }
  return editors;
}

/**
 * Takes automatic versions of the documents being edited and knows who edited since a
 * document's last version. It watches every room's doc: an update written by members (see
 * `editorsOf`) marks the document as edited by them. A version is
 * taken when the burst ends (`quietMs` without updates), after `maxDelayMs` of uninterrupted
 * editing, never sooner than `minIntervalMs` after the document's previous automatic one, and
 * at once when its room unloads or the server stops (the pending edits are never left out:
 * the room's doc is captured as it is destroyed, after the room integrated everything).
 * Versions taken by the services (named, review, status, restore) take the contributors and
 * cancel the pending one: their version covers those edits.
 *
 * The state is captured synchronously from the room's doc; storing happens afterwards.
 */
export class VersionRecorder implements ContributorSource {
  /** Each watched room's listeners, removed when its doc is destroyed. */
  private readonly listeners = new Map<
    Room,
    { update: (u: Uint8Array, o: unknown) => void; destroy: () => void }
  >();
  private readonly pending = new Map<string, Pending>();
  private readonly lastAutoAt = new Map<string, number>();
  private readonly writes = new Set<Promise<void>>();
  private readonly unobserve: () => void;

  constructor(
    private readonly ctx: ServiceContext,
    rooms: RoomManager,
    private readonly logger: Logger,
    private readonly timing: VersionTiming = DEFAULT_VERSION_TIMING,
  ) {
    // A closing room may still integrate updates it had accepted (it does so as it is
    // destroyed): the room is let go when its doc is destroyed, not when it starts closing.
    this.unobserve = rooms.observe({
      opened: () => undefined,
      loaded: (room) => this.watch(room),
      closing: () => undefined,
    });
  }

  take(documentId: string): string[] {
    const pending = this.pending.get(documentId);
    if (!pending) return [];
    this.pending.delete(documentId);
    if (pending.timer) clearTimeout(pending.timer);
    return [...pending.contributors].sort();
  }

  /** Stops watching, takes the pending versions of the rooms still open, and waits for them. */
  async close() {
    this.unobserve();
    for (const room of [...this.listeners.keys()]) this.unwatch(room);
    await Promise.all([...this.writes]);
  }

  private watch(room: Room) {
    const listeners = {
      update: (update: Uint8Array, origin: unknown) => {
        for (const userId of editorsOf(room, update, origin)) this.edited(room, userId);
      },
      // Emitted before the doc lets go of its content: the last edits are still readable.
      destroy: () => this.unwatch(room),
    };
    this.listeners.set(room, listeners);
    room.doc.on('update', listeners.update);
    room.doc.on('destroy', listeners.destroy);
  }

  private unwatch(room: Room) {
    const listeners = this.listeners.get(room);
    if (!listeners) return;
    this.listeners.delete(room);
    room.doc.off('update', listeners.update);
    room.doc.off('destroy', listeners.destroy);
    if (this.pending.has(room.documentId)) this.snapshot(room);
  }

  private edited(room: Room, userId: string) {
    const now = Date.now();
    let pending = this.pending.get(room.documentId);
    if (!pending) {
      pending = { contributors: new Set(), firstEditAt: now, lastEditAt: now, timer: null };
      this.pending.set(room.documentId, pending);
    }
    pending.contributors.add(userId);
    pending.lastEditAt = now;
    // One timer per burst, not one per keystroke: when it fires it checks whether the burst
    // really ended, and waits out the rest if not.
    if (!pending.timer) this.arm(room, pending, now);
  }

  private dueAt(documentId: string, pending: Pending): number {
    const burstEnd = Math.min(
      pending.lastEditAt + this.timing.quietMs,
      pending.firstEditAt + this.timing.maxDelayMs,
    );
    return Math.max(
      burstEnd,
      (this.lastAutoAt.get(documentId) ?? -Infinity) + this.timing.minIntervalMs,
    );
  }

  private arm(room: Room, pending: Pending, now: number) {
    pending.timer = setTimeout(
      () => {
        pending.timer = null;
        if (this.pending.get(room.documentId) !== pending || room.destroyed) return;
        const at = Date.now();
        if (at < this.dueAt(room.documentId, pending)) this.arm(room, pending, at);
        else this.snapshot(room);
      },
      Math.max(0, this.dueAt(room.documentId, pending) - now),
    );
    pending.timer.unref();
  }

  private snapshot(room: Room) {
    const documentId = room.documentId;
    let captured: CapturedState;
    try {
      captured = captureState(room.current, logDamage(this.logger, { documentId }));
    } catch (err) {
      this.logger.error({ err, documentId }, 'capturing an automatic version failed');
      return;
    }
    const contributorIds = this.take(documentId);
    this.lastAutoAt.set(documentId, Date.now());
    const write = recordAutoVersion(this.ctx, { documentId, captured, contributorIds })
      .catch((err: unknown) =>
        this.logger.error({ err, documentId }, 'storing an automatic version failed'),
      )
      .finally(() => this.writes.delete(write));
    this.writes.add(write);
  }
}
