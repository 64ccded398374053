import type { Logger } from 'pino';
import type { DocumentStateRepo } from '../store/ports.js';
import { Room, type RoomRules } from './Room.js';

export class RoomLoadError extends Error {
  constructor(readonly reason: 'not_found' | 'failed') {
    super(reason === 'not_found' ? 'document not found' : 'document could not be loaded');
  }
}

/**
 * Told when a room opens, when its doc has loaded, and just before it unloads (the doc is still
 * readable then). A room opens before its doc holds the stored state (Room.load): an observer
 * that reads or watches the doc does so from `loaded` (reading it in `opened` loads it at once,
 * and costs a first client its fast answer). A room whose load fails is `closing` without
 * having `loaded`.
 */
export interface RoomObserver {
  opened(room: Room): void;
  loaded?(room: Room): void;
  closing(room: Room): void;
}

/**
 * Owns the rooms: one per open document. Concurrent first joins share one load; a failed load
 * refuses the joins and stores nothing; a room unloads only when its last member has left and
 * its writes are durable, and a join that arrives while it drains keeps it alive.
 */
export class RoomManager {
  private readonly rooms = new Map<string, Room>();
  private readonly loading = new Map<string, Promise<Room>>();
  private readonly unloading = new Map<string, Promise<void>>();
  private readonly observers = new Set<RoomObserver>();

  constructor(
    private readonly repo: DocumentStateRepo,
    private readonly logger: Logger,
    private readonly rules: RoomRules,
  ) {}

  get openRooms(): number {
    return this.rooms.size;
  }

  observe(observer: RoomObserver): () => void {
    this.observers.add(observer);
    return () => this.observers.delete(observer);
  }

  private notify(event: keyof RoomObserver, room: Room) {
    for (const observer of this.observers) {
      try {
        observer[event]?.(room);
      } catch (err) {
        this.logger.error({ err, documentId: room.documentId }, `room observer failed (${event})`);
      }
    }
  }

  room(documentId: string): Room | undefined {
    return this.rooms.get(documentId);
  }

  /**
   * Loads the room if needed and hands it to `claim` synchronously, while it is certainly live:
   * `claim` adds its member, or makes its change and releases. (Awaiting a returned room would
   * leave a microtask in which a draining unload could destroy it: a change made then would go
   * to a doc nobody writes, a member would join a dead room.) Returns what `claim` returns.
   * The room's doc is loaded before `claim` unless `beforeLoad` (a connection, which a room
   * may answer from the stored bytes first: see Room.syncStep2).
   */
  async open<T = Room>(
    documentId: string,
    claim: (room: Room) => T = (room) => room as T,
    { beforeLoad = false }: { beforeLoad?: boolean } = {},
  ): Promise<T> {
    const claimLoaded = (room: Room) => {
      if (!beforeLoad && !room.load()) throw new RoomLoadError('failed');
      return claim(room);
    };
    for (;;) {
      const live = this.rooms.get(documentId);
      if (live && !live.destroyed) return claimLoaded(live);
      const pendingUnload = this.unloading.get(documentId);
      if (pendingUnload) {
        await pendingUnload;
        continue;
      }
      let load = this.loading.get(documentId);
      if (!load) {
        load = this.load(documentId);
        this.loading.set(documentId, load);
        void load.then(
          () => this.loading.delete(documentId),
          () => this.loading.delete(documentId),
        );
      }
      const room = await load;
      if (!room.destroyed) return claimLoaded(room);
    }
  }

  /** Where the document's room stands, for a log line about a join that waits. */
  state(documentId: string): 'open' | 'loading' | 'unloading' | 'closed' {
    if (this.unloading.has(documentId)) return 'unloading';
    if (this.loading.has(documentId)) return 'loading';
    return this.rooms.has(documentId) ? 'open' : 'closed';
  }

  /** Resolves once an unload of the document under way (if any) has written everything. */
  async unloaded(documentId: string): Promise<void> {
    await this.unloading.get(documentId);
  }

  /** Called when a member leaves: unload once nobody is left and every write is durable. */
  release(room: Room) {
    if (room.members.size > 0 || room.destroyed || this.unloading.has(room.documentId)) return;
    const unload = (async () => {
      try {
        await room.drain();
      } catch (err) {
        this.logger.error({ err, documentId: room.documentId }, 'draining a room failed');
        return;
      }
      // Someone joined while the writes drained: the room stays.
      if (room.members.size > 0) return;
      this.rooms.delete(room.documentId);
      this.notify('closing', room);
      await room.destroy();
    })().finally(() => this.unloading.delete(room.documentId));
    this.unloading.set(room.documentId, unload);
  }

  /** Drains and destroys every room (shutdown). Members must have been disconnected first. */
  async closeAll() {
    await Promise.all([...this.unloading.values()]);
    const rooms = [...this.rooms.values()];
    this.rooms.clear();
    rooms.forEach((room) => this.notify('closing', room));
    await Promise.all(rooms.map((r) => r.destroy()));
  }

  private async load(documentId: string): Promise<Room> {
    let stored;
    try {
      stored = await this.repo.load(documentId);
    } catch (err) {
      // Never answer a failed load with an empty document: the join is refused instead.
      this.logger.error({ err, documentId }, 'loading a document failed');
      throw new RoomLoadError('failed');
    }
    if (!stored) throw new RoomLoadError('not_found');
    const room = new Room(documentId, stored, this.repo, this.logger, this.rules, (r, failure) =>
      this.loadedOrFailed(r, failure),
    );
    this.rooms.set(documentId, room);
    this.notify('opened', room);
    return room;
  }

  /** A failed load (Room.load) unloads the room at once: it has nothing to write. */
  private loadedOrFailed(room: Room, failure: unknown) {
    if (failure === undefined) return this.notify('loaded', room);
    if (this.rooms.get(room.documentId) === room) this.rooms.delete(room.documentId);
    this.notify('closing', room);
    void room.destroy();
  }
}
