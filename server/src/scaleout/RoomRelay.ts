import type { Redis } from 'ioredis';
import * as Y from 'yjs';
import type { Logger } from 'pino';
import type { CompactionLeases } from '../collab/compactionLeases.js';
import { logEntriesOf } from '../collab/DocumentWriter.js';
import type { Room } from '../collab/Room.js';
import type { RoomManager, RoomObserver } from '../collab/RoomManager.js';
import type { DocumentStateRepo } from '../store/ports.js';
import type { DocumentStreams, StreamEntry, StreamEntryKind } from './documentStreams.js';
import { RedisCompactionLeases } from './redisCompactionLeases.js';

/** How often a process records how far it has read and made durable, and trims what all have. */
export const TRIM_INTERVAL_MS = 10_000;
/** A process that has not recorded its position for this long is gone: it holds no trim back. */
const READER_STALE_MS = 60_000;
/**
 * A document's stream outlives its last reader by this much: it may hold the only copy of
 * changes whose process died before writing them, until the next process to open it stores them.
 */
const STREAM_TTL_SECONDS = 7 * 24 * 3600;
const RETRY_MS = 250;
/**
 * How long relayed changes may wait for what they build on before it is looked up in storage
 * (see fillFromStorage); doubled after each look that does not find it, up to the longest.
 */
const MISSING_WAIT_MS = 1000;
const MISSING_WAIT_LONGEST_MS = 60_000;

interface Relayed {
  room: Room;
  unsubscribe: () => void;
  /** This process's changes not yet appended to the stream, in order. */
  queue: { kind: StreamEntryKind; data: Uint8Array }[];
  sending: boolean;
  trimTimer: NodeJS.Timeout;
  /** A look into storage for what relayed changes build on, when one is due. */
  fillTimer: NodeJS.Timeout | null;
  fillWaitMs: number;
}

/**
 * Joins each open room of this process to its document's Redis stream (see DocumentStreams):
 * what changes here is appended, what other processes append is applied here. Every process
 * stores every change it integrates, its own and relayed ones alike, so a change is durable as
 * soon as any process that has it writes it; a stream is trimmed only below the position that
 * every live reader has read and made durable.
 */
export class RoomRelay implements RoomObserver {
  private readonly relayed = new Map<string, Relayed>();
  private readonly detach: () => void;

  constructor(
    rooms: RoomManager,
    private readonly streams: DocumentStreams,
    private readonly commands: Redis,
    private readonly repo: DocumentStateRepo,
    private readonly processId: string,
    private readonly logger: Logger,
    private readonly leases: CompactionLeases = new RedisCompactionLeases(commands, processId),
  ) {
    this.detach = rooms.observe(this);
  }

  opened(room: Room): void {
    const documentId = room.documentId;
    const entry: Relayed = {
      room,
      queue: [],
      sending: false,
      unsubscribe: this.streams.subscribe(documentId, {
        entries: (entries) => {
          // In stream order: each run of updates in one transaction, presence between them.
          // An entry that cannot be applied (a corrupt or foreign write to the stream) is
          // logged and skipped, never taking the entries after it along.
          const skipped = (e: StreamEntry, err: unknown) =>
            this.logger.warn(
              { err, documentId, id: e.id },
              'scale-out: skipped a stream entry that could not be applied',
            );
          for (let start = 0; start < entries.length;) {
            let end = start;
            while (end < entries.length && entries[end]!.kind === 'update') end++;
            if (end > start) {
              const run = entries.slice(start, end);
              room.applyRelayedUpdates(
                run.map((e) => e.data),
                (i, err) => skipped(run[i]!, err),
              );
              start = end;
              if (room.awaitsMissingChanges) this.fillSoon(entry);
            } else {
              const e = entries[start++]!;
              try {
                room.applyRelayedAwareness(e.data);
              } catch (err) {
                skipped(e, err);
              }
            }
          }
        },
        gap: () => void this.resync(entry),
      }),
      trimTimer: setInterval(() => void this.recordAndTrim(room), TRIM_INTERVAL_MS),
      fillTimer: null,
      fillWaitMs: MISSING_WAIT_MS,
    };
    entry.trimTimer.unref();
    this.relayed.set(documentId, entry);
    // Holds every trim back until this process has read the stream once: what it has not read
    // yet may not be in the storage it loaded from.
    void this.record(documentId, '0-0');
    room.setRelay({
      update: (data) => this.publish(entry, 'update', data),
      awareness: (data) => this.publish(entry, 'awareness', data),
      compactionLeases: this.leases,
    });
  }

  closing(room: Room): void {
    const entry = this.relayed.get(room.documentId);
    if (!entry || entry.room !== room) return;
    this.relayed.delete(room.documentId);
    clearInterval(entry.trimTimer);
    if (entry.fillTimer) clearTimeout(entry.fillTimer);
    entry.unsubscribe();
    room.setRelay(null);
    // What is still queued is stored already (the room drained before closing); the others
    // read it from storage when they next re-sync. Sending it still is cheaper for them.
    void this.send(entry);
  }

  async close(): Promise<void> {
    this.detach();
    for (const entry of this.relayed.values()) {
      clearInterval(entry.trimTimer);
      if (entry.fillTimer) clearTimeout(entry.fillTimer);
      entry.unsubscribe();
      entry.room.setRelay(null);
    }
    this.relayed.clear();
  }

  private publish(entry: Relayed, kind: StreamEntryKind, data: Uint8Array) {
    entry.queue.push({ kind, data });
    void this.send(entry);
  }

  /**
   * Appends queued changes one at a time, in order; a failed append is retried, never skipped,
   * so the others see this process's changes in the order they happened here. Updates that
   * queued up behind an append go out merged as one entry (up to a log entry's size): one
   * append here and one transaction on each reader instead of one per update.
   */
  private async send(entry: Relayed) {
    if (entry.sending) return;
    entry.sending = true;
    try {
      while (entry.queue.length > 0) {
        mergeLeadingUpdates(entry.queue);
        const next = entry.queue[0]!;
        try {
          await this.streams.publish(entry.room.documentId, next.kind, next.data);
          entry.queue.shift();
        } catch (err) {
          this.logger.warn(
            { err, documentId: entry.room.documentId },
            'scale-out: appending to the stream failed; retrying',
          );
          await new Promise((r) => setTimeout(r, RETRY_MS));
        }
      }
    } finally {
      entry.sending = false;
    }
  }

  /**
   * After a possible gap (Redis restarted empty, or could not be read for a while): this
   * process appends its whole state for the others, and applies everything stored. Every
   * process does the same when its own reads resume, so each gets what the others had, even
   * changes that were in the stream but neither read nor stored yet when Redis went away.
   * Yjs merges what it already has; this is rare, so sending whole states is affordable.
   */
  private async resync(entry: Relayed) {
    if (entry.room.destroyed) return;
    this.publish(entry, 'update', Y.encodeStateAsUpdate(entry.room.doc));
    await this.applyStored(entry.room);
  }

  /**
   * Relayed changes build on content this process has not received. It usually follows in
   * the stream (its process stored it, then appends it), so this waits first. If it does not
   * come, its process died between storing and appending it: another process that opened the
   * document later loaded it and built on it, and storage is the only place left that holds it.
   */
  private fillSoon(entry: Relayed) {
    if (entry.fillTimer) return;
    entry.fillTimer = setTimeout(() => void this.fillFromStorage(entry), entry.fillWaitMs);
    entry.fillTimer.unref();
  }

  private async fillFromStorage(entry: Relayed) {
    const room = entry.room;
    const stillRelayed = () => !room.destroyed && this.relayed.get(room.documentId) === entry;
    if (stillRelayed() && room.awaitsMissingChanges) {
      await this.applyStored(room);
      if (room.awaitsMissingChanges) {
        this.logger.warn(
          { documentId: room.documentId },
          'scale-out: relayed changes build on content neither the stream nor storage holds yet',
        );
        entry.fillWaitMs = Math.min(entry.fillWaitMs * 2, MISSING_WAIT_LONGEST_MS);
      } else {
        entry.fillWaitMs = MISSING_WAIT_MS;
      }
    }
    entry.fillTimer = null;
    if (stillRelayed() && room.awaitsMissingChanges) this.fillSoon(entry);
  }

  /** Applies everything stored for the room's document; Yjs skips what the doc has. */
  private async applyStored(room: Room) {
    try {
      const stored = await this.repo.load(room.documentId);
      if (!stored || room.destroyed) return;
      const updates = stored.updates.map((u) => u.update);
      if (stored.snapshot) updates.unshift(stored.snapshot);
      room.applyRelayedUpdates(updates, (i, err) =>
        this.logger.warn(
          { err, documentId: room.documentId, index: i },
          'scale-out: skipped a stored entry that could not be applied',
        ),
      );
    } catch (err) {
      this.logger.error(
        { err, documentId: room.documentId },
        'scale-out: applying a document from storage failed',
      );
    }
  }

  private readersKey(documentId: string) {
    return `${this.streams.keyOf(documentId)}:readers`;
  }

  /** This process's position on the document's stream, with when it was recorded. */
  private async record(documentId: string, readId: string): Promise<number> {
    const now = Date.now();
    const readersKey = this.readersKey(documentId);
    await this.commands
      .multi()
      .hset(readersKey, this.processId, `${readId}|${now}`)
      .expire(readersKey, Math.ceil((READER_STALE_MS * 2) / 1000))
      .expire(this.streams.keyOf(documentId), STREAM_TTL_SECONDS)
      .exec();
    return now;
  }

  /**
   * Records how far this process has read the stream with everything read also durable here,
   * then trims the stream below the lowest such position of the processes still alive.
   */
  private async recordAndTrim(room: Room) {
    const documentId = room.documentId;
    const readId = this.streams.lastReadId(documentId);
    if (!readId || readId === '0') return;
    try {
      await room.drain();
      const now = await this.record(documentId, readId);
      const readers = await this.commands.hgetall(this.readersKey(documentId));
      let lowest: string | null = null;
      for (const value of Object.values(readers)) {
        const [id, at] = value.split('|');
        if (!id || Number(at) < now - READER_STALE_MS) continue;
        if (lowest === null || compareStreamIds(id, lowest) < 0) lowest = id;
      }
      if (lowest) await this.streams.trimBefore(documentId, lowest);
    } catch (err) {
      this.logger.warn({ err, documentId }, 'scale-out: trimming the stream failed');
    }
  }
}

/** Stream ids are "<ms>-<seq>": compared as two numbers, not as text. */
export function compareStreamIds(a: string, b: string): number {
  const [am = 0, as = 0] = a.split('-').map(Number);
  const [bm = 0, bs = 0] = b.split('-').map(Number);
  return am !== bm ? am - bm : as - bs;
}

/** Replaces the queue's leading run of updates by their merge, in log-entry-sized parts. */
function mergeLeadingUpdates(queue: Relayed['queue']) {
  let run = 0;
  while (run < queue.length && queue[run]!.kind === 'update') run++;
  if (run < 2) return;
  const merged = logEntriesOf(queue.slice(0, run).map((q) => q.data));
  queue.splice(0, run, ...merged.map((data) => ({ kind: 'update' as const, data })));
}
