import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import { COLLAB_MESSAGE } from '@polisee/contracts';
import type { DocumentStateRepo, StoredDocumentState } from '../store/ports.js';
import { DocumentWriter } from './DocumentWriter.js';

/** What a room needs from a connection: a way to send bytes. */
export interface RoomMember {
  readonly userId: string;
  send(message: Uint8Array): void;
}

/**
 * One live Y.Doc per open document, with its awareness and its connections. Updates applied
 * here are broadcast once-encoded to everyone else and handed to the DocumentWriter.
 */
export class Room {
  readonly doc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  readonly members = new Map<RoomMember, Set<number>>();
  private readonly writer: DocumentWriter;
  private outgoing: Uint8Array[] = [];
  private outgoingOrigins = new Set<unknown>();
  private broadcastScheduled = false;
  destroyed = false;

  constructor(
    readonly documentId: string,
    stored: StoredDocumentState,
    repo: DocumentStateRepo,
    private readonly logger: Logger,
  ) {
    // The server holds no presence of its own.
    this.awareness.setLocalState(null);
    if (stored.snapshot) Y.applyUpdate(this.doc, stored.snapshot);
    for (const { update } of stored.updates) Y.applyUpdate(this.doc, update);
    const lastSeq = stored.updates.at(-1)?.seq ?? stored.snapshotSeq;
    this.writer = new DocumentWriter(
      documentId,
      repo,
      () => Y.encodeStateAsUpdate(this.doc),
      logger,
      {
        logEntries: stored.updates.length,
        logBytes: stored.updates.reduce((n, u) => n + u.update.byteLength, 0),
        lastSeq,
      },
    );
    // Listeners are attached after the stored state is applied: loading never re-persists it.
    this.doc.on('update', this.onUpdate);
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  get hasPendingWrites() {
    return this.writer.hasPendingWrites;
  }

  /** Applies an update from a member. Validation happened at the connection edge. */
  applyUpdate(update: Uint8Array, origin: RoomMember) {
    Y.applyUpdate(this.doc, update, origin);
  }

  addMember(member: RoomMember) {
    this.members.set(member, new Set());
    // Greet like the reference server: our state vector (the client answers with what we lack)
    // and the current presence.
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, this.doc);
    member.send(encoding.toUint8Array(encoder));
    const states = this.awareness.getStates();
    if (states.size > 0) member.send(this.awarenessMessage([...states.keys()]));
  }

  removeMember(member: RoomMember) {
    const clients = this.members.get(member);
    this.members.delete(member);
    if (clients && clients.size > 0)
      awarenessProtocol.removeAwarenessStates(this.awareness, [...clients], null);
  }

  awarenessMessage(clients: number[]): Uint8Array {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, COLLAB_MESSAGE.awareness);
    encoding.writeVarUint8Array(
      encoder,
      awarenessProtocol.encodeAwarenessUpdate(this.awareness, clients),
    );
    return encoding.toUint8Array(encoder);
  }

  /**
   * May `member` speak for awareness client `clientId`? Yes unless another user's connection
   * owns it. A connection of the same user (a socket that dropped on hotel Wi-Fi and has not
   * timed out yet) hands the id over to the reconnected one.
   */
  claimClient(clientId: number, member: RoomMember): boolean {
    for (const [m, clients] of this.members) {
      if (m === member || !clients.has(clientId)) continue;
      if (m.userId !== member.userId) return false;
      clients.delete(clientId);
    }
    this.members.get(member)?.add(clientId);
    return true;
  }

  ownedClients(member: RoomMember): Set<number> | undefined {
    return this.members.get(member);
  }

  drain() {
    return this.writer.drain();
  }

  /** Drains the writer and releases the doc, awareness, listeners and timers. */
  async destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    this.doc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    await this.writer.close();
    this.awareness.destroy();
    this.doc.destroy();
  }

  private onUpdate = (update: Uint8Array, origin: unknown) => {
    this.writer.enqueue(update);
    this.outgoing.push(update);
    this.outgoingOrigins.add(origin);
    if (!this.broadcastScheduled) {
      this.broadcastScheduled = true;
      setImmediate(this.broadcast);
    }
  };

  /**
   * Fan-out is batched per event-loop turn: every update that arrived in one turn goes out as
   * one merged message per member. Idle, that adds no delay; under load (hundreds of editors
   * at a workshop) it turns N updates × M members sends into M sends. A member that authored
   * every update of the batch is skipped; otherwise Yjs ignores the part it already has.
   */
  private broadcast = () => {
    this.broadcastScheduled = false;
    if (this.destroyed || this.outgoing.length === 0) return;
    const updates = this.outgoing;
    const origins = this.outgoingOrigins;
    this.outgoing = [];
    this.outgoingOrigins = new Set();
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
    syncProtocol.writeUpdate(encoder, merged);
    const message = encoding.toUint8Array(encoder);
    const soleOrigin = origins.size === 1 ? [...origins][0] : undefined;
    for (const member of this.members.keys()) if (member !== soleOrigin) member.send(message);
  };

  private onAwarenessUpdate = (
    { added, updated, removed }: { added: number[]; updated: number[]; removed: number[] },
    origin: unknown,
  ) => {
    const changed = [...added, ...updated, ...removed];
    const owned = this.members.get(origin as RoomMember);
    if (owned) {
      added.forEach((c) => owned.add(c));
      removed.forEach((c) => owned.delete(c));
    }
    if (changed.length === 0) return;
    const message = this.awarenessMessage(changed);
    for (const member of this.members.keys()) member.send(message);
  };

  get log() {
    return this.logger;
  }
}
