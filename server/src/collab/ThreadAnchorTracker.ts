import type { CommentThread } from '@polisee/domain';
import type { Logger } from 'pino';
import type * as Y from 'yjs';
import { anchoredThreadIds } from '../content/commentAnchors.js';
import type { ServiceContext } from '../services/context.js';
import {
  listAnchorStates,
  updateAnchorState,
  type AnchorState,
} from '../services/threads/anchorStates.js';
import type { Room } from './Room.js';
import type { RoomManager } from './RoomManager.js';
import { logDamage } from '../content/documentRepair.js';

/** Quiet time after the last edit before anchors are checked: typing bursts cost one scan. */
const CHECK_DELAY_MS = 1000;
/** …but a document edited without pause is still checked this often. */
const MAX_CHECK_DELAY_MS = 5000;

interface Watch {
  /** Threads of the document that hang on text, with the state the store has. */
  threads: Map<string, AnchorState>;
  timer: NodeJS.Timeout | null;
  firstPendingAt: number;
  onUpdate: () => void;
}

/**
 * Keeps each thread's anchor state true to the live document: a thread whose every marked
 * character has been deleted becomes `orphaned` (it stays listed with its quote), and returns
 * to `anchored` if its text comes back (an undo). Checks run debounced after edits and once
 * more when a room unloads; nothing is scanned for documents without anchored threads.
 */
export class ThreadAnchorTracker {
  private readonly watches = new Map<Room, Watch>();
  private readonly pending = new Set<Promise<void>>();
  private readonly unobserve: () => void;

  constructor(
    private readonly ctx: ServiceContext,
    rooms: RoomManager,
    private readonly logger: Logger,
  ) {
    this.unobserve = rooms.observe({
      opened: () => undefined,
      loaded: (room) => void this.watch(room),
      closing: (room) => this.unwatch(room),
    });
    ctx.events.on('threadChanged', this.onThreadChanged);
  }

  /** Stops watching; resolves once every anchor change found so far is stored. */
  async close() {
    this.unobserve();
    this.ctx.events.off('threadChanged', this.onThreadChanged);
    for (const room of [...this.watches.keys()]) this.unwatch(room);
    await Promise.all([...this.pending]);
  }

  private onThreadChanged = ({ thread }: { thread: CommentThread }) => {
    if (thread.anchorState === 'document') return;
    for (const [room, watch] of this.watches) {
      if (room.documentId === thread.documentId) watch.threads.set(thread.id, thread.anchorState);
    }
  };

  private async watch(room: Room) {
    const watch: Watch = {
      threads: new Map(),
      timer: null,
      firstPendingAt: 0,
      onUpdate: () => this.schedule(room, watch),
    };
    this.watches.set(room, watch);
    room.doc.on('update', watch.onUpdate);
    try {
      for (const t of await listAnchorStates(this.ctx, room.documentId)) {
        if (!watch.threads.has(t.id)) watch.threads.set(t.id, t.anchorState);
      }
    } catch (err) {
      this.logger.error({ err, documentId: room.documentId }, 'loading thread anchors failed');
    }
  }

  private schedule(room: Room, watch: Watch) {
    if (watch.threads.size === 0) return;
    const now = Date.now();
    if (watch.timer) {
      if (now - watch.firstPendingAt >= MAX_CHECK_DELAY_MS) return;
      clearTimeout(watch.timer);
    } else {
      watch.firstPendingAt = now;
    }
    const delay = Math.min(CHECK_DELAY_MS, MAX_CHECK_DELAY_MS - (now - watch.firstPendingAt));
    watch.timer = setTimeout(() => {
      watch.timer = null;
      this.check(room.documentId, room.doc, watch);
    }, delay);
    watch.timer.unref();
  }

  private unwatch(room: Room) {
    const watch = this.watches.get(room);
    if (!watch) return;
    this.watches.delete(room);
    room.doc.off('update', watch.onUpdate);
    if (watch.timer) clearTimeout(watch.timer);
    // The last edits before the room unloads count too: check while the doc is still there.
    if (watch.threads.size > 0) this.check(room.documentId, room.doc, watch);
  }

  /** Scans the doc now (synchronously), then stores and announces what changed. */
  private check(documentId: string, doc: Y.Doc, watch: Watch) {
    let present: Set<string>;
    try {
      present = anchoredThreadIds(doc, logDamage(this.logger, { documentId }));
    } catch (err) {
      this.logger.error({ err, documentId }, 'scanning thread anchors failed');
      return;
    }
    const changed: [string, AnchorState][] = [];
    for (const [id, state] of watch.threads) {
      const next: AnchorState = present.has(id) ? 'anchored' : 'orphaned';
      if (next !== state) {
        watch.threads.set(id, next);
        changed.push([id, next]);
      }
    }
    if (changed.length === 0) return;
    const work = (async () => {
      for (const [id, anchorState] of changed) {
        await updateAnchorState(this.ctx, id, anchorState);
      }
    })()
      .catch((err: unknown) =>
        this.logger.error({ err, documentId }, 'storing thread anchor states failed'),
      )
      .finally(() => this.pending.delete(work));
    this.pending.add(work);
  }
}
