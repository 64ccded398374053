import * as encoding from 'lib0/encoding';
import type { Logger } from 'pino';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  COLLAB_CLOSE,
  COLLAB_MESSAGE,
  type CollabCloseCode,
  type ServerAwarenessState,
} from '@polisee/contracts';
import { repairDocument } from '../content/documentRepair.js';
import type { DecodedUpdate, SchemaGuard } from '../content/schemaGuard.js';
import type { DocumentStateRepo, StoredDocumentState } from '../store/ports.js';
import type { CompactionLeases } from './compactionLeases.js';
import { DocumentWriter } from './DocumentWriter.js';
import { FlushPacer } from './FlushPacer.js';
import { SuggestionGuard } from './SuggestionGuard.js';
import { applyStoredState, isReadableUpdate } from './storedState.js';

/** What every update must respect before a room applies it. */
export interface RoomRules {
  /** Refuses updates whose result the editor schema cannot read. */
  guard: SchemaGuard;
  /**
   * Budget of a document's encoded state, in bytes. Updates that add content past it are
   * refused (deleting stays possible): a document that grows without bound takes the server's
   * memory and blocks every reader of it.
   */
  maxStateBytes: number;
  /**
   * Told what each member's update does: it calls `apply` (exactly once) inside the batch's
   * transaction and reads the result there (the attribution ledger, decision 0069).
   */
  witness?: (room: Room, member: RoomMember, decoded: DecodedUpdate, apply: () => void) => void;
}

/** The origin of the server's own repairs: broadcast to every member, like a restore. */
const SERVER_REPAIR = Symbol('schema repair');

/**
 * The origin of changes that another server process made and relayed (see scaleout/): applied
 * and broadcast here, persisted like any change, never relayed back.
 */
export const RELAYED = Symbol('relayed from another process');

/** Where a room sends what changed here, for the other processes that have it open. */
export interface RoomRelaySink {
  update(update: Uint8Array): void;
  awareness(update: Uint8Array): void;
  /** One process at a time compacts the shared log (DocumentWriter.compact). */
  compactionLeases: CompactionLeases;
}

/** Why a member's update was refused, and how its connection ends. */
interface Refusal {
  code: CollabCloseCode;
  reason: string;
}

/** What a room needs from a connection: a way to send bytes, and to end it. */
export interface RoomMember {
  readonly userId: string;
  /** May suggest but not edit: each update must be suggestions of its own (decision 0063). */
  readonly suggestOnly?: boolean;
  send(message: Uint8Array): void;
  close(code: CollabCloseCode, reason: string): void;
}

/** A message as a Buffer over the same bytes: `ws` then sends it without wrapping it per member. */
function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

function syncMessage(syncType: number, update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder();
  encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
  encoding.writeVarUint(encoder, syncType);
  encoding.writeVarUint8Array(encoder, update);
  return asBuffer(encoding.toUint8Array(encoder));
}

/**
 * The stored state as the messages that bring a client holding nothing up to date: each log
 * entry as an update, in order, then the snapshot as the sync step 2 — the bytes the doc loads
 * from, so the client ends with what the loaded doc holds. The step 2 comes last because a
 * provider calls itself synced when it arrives: the entries before it wait in Yjs' pending
 * store until the snapshot they build on is integrated. Null without a snapshot: the doc is
 * loaded first. Unreadable log entries are left out, as the load skips them (decision 0068).
 * The snapshot is not checked: decoding it is most of the cost this answer saves (~90 ms for
 * 100k edits in a fresh process). Should it be unreadable, the client fails to decode it before
 * integrating anything, and the load on the next turn fails and closes every member.
 */
function storedStateMessages({ snapshot, updates }: StoredDocumentState): Buffer[] | null {
  if (!snapshot) return null;
  const messages: Buffer[] = [];
  for (const { update } of updates) {
    if (isReadableUpdate(update)) messages.push(syncMessage(syncProtocol.messageYjsUpdate, update));
  }
  messages.push(syncMessage(syncProtocol.messageYjsSyncStep2, snapshot));
  return messages;
}

/** Told when a room's doc holds its stored state, or (with the error) that it could not. */
export type RoomLoadListener = (room: Room, failure?: unknown) => void;

/**
 * One live Y.Doc per open document, with its awareness and its connections. Updates accepted
 * here are integrated in batches, broadcast once-encoded to everyone else and handed to the
 * DocumentWriter.
 */
export class Room {
  /** The live document, read through `doc`, which loads the stored state into it first. */
  private readonly ydoc = new Y.Doc({ gc: true });
  readonly awareness = new awarenessProtocol.Awareness(this.ydoc);
  readonly members = new Map<RoomMember, Set<number>>();
  private readonly writer: DocumentWriter;
  private readonly suggestions = new SuggestionGuard(this.ydoc);
  /**
   * The stored state until the doc is loaded (see load), then null. Integrating a long history
   * takes a fresh process ~100–300 ms (100k edits); a client that holds nothing needs only the
   * stored bytes, so it is answered from them while the doc waits (syncStep2).
   */
  private stored: StoredDocumentState | null;
  /** The answer made from `stored`, shared by the clients that join before the doc loads. */
  private storedAnswer: Buffer[] | null = null;
  private loadImmediate: NodeJS.Immediate | null = null;
  private loadFailed = false;
  /** Updates accepted from members and not yet integrated, with who sent each. */
  private incoming: Uint8Array[] = [];
  private incomingDecoded: DecodedUpdate[] = [];
  private incomingOrigins: RoomMember[] = [];
  /**
   * The document's encoded size, estimated: the stored state at load plus every update since
   * (an overestimate, as deleted content still counts), made exact at each compaction.
   */
  private stateBytes: number;
  /** What changed the document since the last broadcast, and who (members, or the server). */
  private outgoing: Uint8Array[] = [];
  private outgoingOrigins = new Set<unknown>();
  /** The pending flush: on the next turn, or when the fan-out budget allows (FlushPacer). */
  private flushImmediate: NodeJS.Immediate | null = null;
  private flushTimer: NodeJS.Timeout | null = null;
  private readonly pacer = new FlushPacer();
  /**
   * The sync step 2 for an empty state vector, i.e. the whole document, as sent to a client
   * that has no copy yet (every browser opening the document). Encoding a long history costs
   * ~15 ms per join; it is encoded once per version of the document and dropped on any update.
   * Holding it costs the document's encoded size, a small fraction of the live Y.Doc's memory.
   */
  private fullStateMessage: Buffer | null = null;
  /** Set while several processes serve the document (REDIS_URL): see scaleout/RoomRelay. */
  private relay: RoomRelaySink | null = null;
  destroyed = false;

  constructor(
    readonly documentId: string,
    stored: StoredDocumentState,
    repo: DocumentStateRepo,
    private readonly logger: Logger,
    private readonly rules: RoomRules,
    private readonly onLoad?: RoomLoadListener,
  ) {
    // The server holds no presence of its own (only "storage is behind" while it is).
    this.awareness.setLocalState(null);
    this.stored = stored;
    const lastSeq = stored.updates.at(-1)?.seq ?? stored.snapshotSeq;
    const logBytes = stored.updates.reduce((n, u) => n + u.update.byteLength, 0);
    this.stateBytes = (stored.snapshot?.byteLength ?? 0) + logBytes;
    this.writer = new DocumentWriter(
      documentId,
      repo,
      () => {
        const snapshot = Y.encodeStateAsUpdate(this.ydoc);
        this.stateBytes = snapshot.byteLength;
        return snapshot;
      },
      logger,
      { logEntries: stored.updates.length, logBytes, lastSeq },
      // The server's awareness says "storage is behind" while it is, and nothing otherwise.
      (state) =>
        this.awareness.setLocalState(
          state === 'behind' ? ({ storage: 'behind' } satisfies ServerAwarenessState) : null,
        ),
    );
    this.awareness.on('update', this.onAwarenessUpdate);
  }

  /** The live document, with its stored state (loaded now if it was not yet). */
  get doc(): Y.Doc {
    if (!this.load()) throw new Error('the document could not be loaded');
    return this.ydoc;
  }

  /**
   * The doc with every update accepted so far integrated, as the server's own reads and changes
   * need it: a member's update waits for the next flush (up to MAX_FLUSH_INTERVAL_MS, longer on
   * a busy process), yet its sender was already told it arrived (a sync step 2 answers in
   * order). Broadcasting it stays with that flush.
   */
  get current(): Y.Doc {
    this.integrate();
    return this.doc;
  }

  /** Whether the doc holds the stored state (a room opens before it does: see syncStep2). */
  get loaded(): boolean {
    return this.stored === null && !this.loadFailed;
  }

  /**
   * Integrates the stored state into the doc, once; true when the doc holds it. Done as soon
   * as anything needs the doc: a client with a state of its own, an update to integrate (held
   * until then in `incoming`, so a first client's edits made during the load apply after it,
   * in order), a relayed change, the server's own reads and changes; and otherwise on the turn
   * after a first client was answered from the stored bytes. A snapshot that cannot be read
   * fails the load: the members are closed and the room unloads without storing anything.
   */
  load(): boolean {
    if (this.loadFailed) return false;
    const stored = this.stored;
    if (!stored) return true;
    this.stored = null;
    this.storedAnswer = null;
    if (this.loadImmediate) clearImmediate(this.loadImmediate);
    this.loadImmediate = null;
    try {
      applyStoredState(this.ydoc, this.documentId, stored, this.logger);
    } catch (err) {
      this.loadFailed = true;
      this.logger.error({ err, documentId: this.documentId }, 'loading a document failed');
      this.onLoad?.(this, err);
      for (const member of [...this.members.keys()])
        member.close(COLLAB_CLOSE.serverError, 'could not load');
      return false;
    }
    // Listeners are attached after the stored state is applied: loading never re-persists it.
    this.ydoc.on('update', this.onUpdate);
    // Members that joined while it loaded get the greeting addMember held back.
    for (const member of this.members.keys()) this.greet(member);
    this.onLoad?.(this);
    return true;
  }

  /** After a first client was answered from the stored bytes, on the next turn: they are sent. */
  private loadSoon() {
    this.loadImmediate ??= setImmediate(() => {
      this.loadImmediate = null;
      if (!this.destroyed) this.load();
    });
  }

  get hasPendingWrites() {
    return this.incoming.length > 0 || this.writer.hasPendingWrites;
  }

  /**
   * Accepts an update from a member, parsed at the connection edge; it is checked against the
   * schema and the size budget, integrated and broadcast at the next flush (see
   * FlushPacer).
   */
  applyUpdate(update: Uint8Array, origin: RoomMember, decoded = Y.decodeUpdate(update)) {
    this.incoming.push(update);
    this.incomingDecoded.push(decoded);
    this.incomingOrigins.push(origin);
    this.scheduleFlush();
  }

  /** Sends what changes here to the other processes (null: this process alone). */
  setRelay(relay: RoomRelaySink | null) {
    this.relay = relay;
    this.writer.shareLog(relay?.compactionLeases ?? null);
  }

  /**
   * Changes other processes accepted (they checked them against the schema and the budget) or
   * read back from storage after a gap: integrated now, in one transaction, and broadcast to
   * the members here at the next flush. One transaction for everything a read of the stream
   * brought, as for a batch of members' updates (see integrate): Yjs' work per transaction
   * grows with the document's editors. An update that fails to integrate is reported to
   * `skipped` and the others still apply.
   */
  applyRelayedUpdates(
    updates: readonly Uint8Array[],
    skipped: (index: number, err: unknown) => void,
  ) {
    if (this.destroyed || updates.length === 0) return;
    const doc = this.doc;
    doc.transact(() => {
      updates.forEach((update, i) => {
        try {
          Y.applyUpdate(doc, update, RELAYED);
        } catch (err) {
          skipped(i, err);
        }
      });
    }, RELAYED);
  }

  /**
   * Whether the doc holds changes it cannot integrate yet: they build on content (or delete
   * content) it has not received. Yjs keeps them until that content arrives.
   */
  get awaitsMissingChanges(): boolean {
    return this.doc.store.pendingStructs !== null || this.doc.store.pendingDs !== null;
  }

  /** Presence of the other processes' members, shown to the members here. */
  applyRelayedAwareness(update: Uint8Array) {
    if (this.destroyed) return;
    awarenessProtocol.applyAwarenessUpdate(this.awareness, update, RELAYED);
  }

  /**
   * The answer to a client's sync step 1: the messages that send it everything we hold that its
   * state vector lacks. A client holding nothing (every browser opening the document) is
   * answered from the stored bytes while the doc has not loaded yet; any other waits for it.
   */
  syncStep2(stateVector: Uint8Array): readonly Uint8Array[] {
    // Throws on garbage before we encode against it.
    const empty = Y.decodeStateVector(stateVector).size === 0;
    if (empty && this.stored) {
      const answer = (this.storedAnswer ??= storedStateMessages(this.stored));
      if (answer) {
        this.loadSoon();
        return answer;
      }
    }
    if (empty && this.fullStateMessage) return [this.fullStateMessage];
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
    syncProtocol.writeSyncStep2(encoder, this.doc, stateVector);
    const message = asBuffer(encoding.toUint8Array(encoder));
    if (empty) this.fullStateMessage = message;
    return [message];
  }

  addMember(member: RoomMember) {
    this.members.set(member, new Set());
    // Greet like the reference server: our state vector (the client answers with what we lack)
    // and the current presence. The state vector waits until the doc has loaded (see load).
    if (this.loaded) this.greet(member);
    const states = this.awareness.getStates();
    if (states.size > 0) member.send(this.awarenessMessage([...states.keys()]));
  }

  private greet(member: RoomMember) {
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
    syncProtocol.writeSyncStep1(encoder, this.ydoc);
    member.send(asBuffer(encoding.toUint8Array(encoder)));
  }

  removeMember(member: RoomMember) {
    const clients = this.members.get(member);
    this.members.delete(member);
    if (![...this.members.keys()].some((m) => m.suggestOnly)) this.suggestions.release();
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
    return asBuffer(encoding.toUint8Array(encoder));
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

  /** Resolves once every update accepted so far is durable. */
  drain() {
    this.integrate();
    return this.writer.drain();
  }

  /** Drains the writer and releases the doc, awareness, listeners and timers. */
  async destroy() {
    if (this.destroyed) return;
    this.cancelFlush();
    // Accepted updates are never dropped, even those a flush had not reached yet.
    this.integrate();
    this.destroyed = true;
    this.fullStateMessage = null;
    if (this.loadImmediate) clearImmediate(this.loadImmediate);
    this.loadImmediate = null;
    // Never loaded: nothing changed it, there is nothing to write (nor to compact).
    const loaded = this.loaded;
    this.stored = null;
    this.storedAnswer = null;
    this.ydoc.off('update', this.onUpdate);
    this.awareness.off('update', this.onAwarenessUpdate);
    await this.writer.close({ compact: loaded });
    this.awareness.destroy();
    this.ydoc.destroy();
  }

  /** Everything that changes the document goes through here: persist it, queue it for members. */
  private onUpdate = (update: Uint8Array, origin: unknown) => {
    this.fullStateMessage = null;
    // A batch's updates were followed one by one as they were applied (integrate).
    if (origin !== this) this.suggestions.follow(update);
    this.writer.enqueue(update);
    this.outgoing.push(update);
    // One message per batch (integrate() applies a batch in one transaction) or server change.
    if (origin !== RELAYED) this.relay?.update(update);
    // Not one of our batches (integrate() records its members and runs inside a flush): a
    // change the server made on the doc itself (a comment anchor, a restore). It did not come
    // through applyUpdate, so it schedules its own broadcast; its origin, not a member, makes
    // sure no member is skipped as the batch's sole author.
    if (origin !== this) {
      this.outgoingOrigins.add(origin);
      this.scheduleFlush();
    }
  };

  private scheduleFlush() {
    if (this.flushImmediate || this.flushTimer) return;
    const wait = this.pacer.delay();
    if (wait > 0) this.flushTimer = setTimeout(this.flush, wait);
    else this.flushImmediate = setImmediate(this.flush);
  }

  private cancelFlush() {
    if (this.flushImmediate) clearImmediate(this.flushImmediate);
    if (this.flushTimer) clearTimeout(this.flushTimer);
    this.flushImmediate = null;
    this.flushTimer = null;
  }

  private flush = () => {
    this.flushImmediate = null;
    this.flushTimer = null;
    if (this.destroyed) return;
    this.integrate();
    this.pacer.spent(this.broadcast());
  };

  /**
   * Integrates the accepted updates in one transaction. Yjs' work per transaction (the state
   * vector before and after, the encoding of what changed) is proportional to the number of
   * clients that ever edited the document: at 500 editors sending 1,000 updates/s that was
   * most of the server's CPU when every update had its own. A member whose update fails to
   * integrate (it passed the edge's parse, so this is rare) is closed, as at the edge, and
   * the rest of what it sent in the batch is skipped.
   */
  private integrate() {
    if (this.incoming.length === 0) return;
    const updates = this.incoming;
    const decoded = this.incomingDecoded;
    const origins = this.incomingOrigins;
    this.incoming = [];
    this.incomingDecoded = [];
    this.incomingOrigins = [];
    // Updates held while the doc loaded go in after its stored state; none on a failed load
    // (its members were closed: they keep their edits and send them again on reconnect).
    if (!this.load()) return;
    const failed = new Map<RoomMember, Refusal>();
    const pendingBefore = this.doc.store.pendingStructs;
    this.doc.transact(() => {
      for (let i = 0; i < updates.length; i++) {
        const origin = origins[i]!;
        if (failed.has(origin)) continue;
        // Judged inside the transaction, after the batch's earlier updates were integrated:
        // an update may build on the one its sender sent just before.
        const refusal = this.refusalOf(updates[i]!, decoded[i]!, origin);
        if (refusal) {
          failed.set(origin, refusal);
          continue;
        }
        try {
          const apply = () => Y.applyUpdate(this.doc, updates[i]!, origin);
          if (this.rules.witness) this.rules.witness(this, origin, decoded[i]!, apply);
          else apply();
          this.suggestions.follow(updates[i]!);
          this.stateBytes += updates[i]!.byteLength;
          this.outgoingOrigins.add(origin);
        } catch (err) {
          // The copy may hold what the live document failed to take.
          this.suggestions.release();
          failed.set(origin, { code: COLLAB_CLOSE.malformed, reason: 'malformed frame' });
          this.logger.debug({ err, documentId: this.documentId }, 'update failed to integrate');
        }
      }
    }, this);
    // Closed after the transaction: closing touches awareness and membership.
    for (const [member, { code, reason }] of failed) member.close(code, reason);
    if (pendingBefore && this.doc.store.pendingStructs !== pendingBefore) this.recheckLanded();
  }

  /**
   * Items that waited for content the server lacked (see SchemaGuard's `pending`) were only
   * held to what is valid somewhere; now that some landed, the whole document is checked, and
   * anything out of place is removed as the server's own change. Rare: only after a crash
   * lost updates that clients had already received.
   */
  private recheckLanded() {
    const damage = repairDocument(this.doc, SERVER_REPAIR);
    if (damage.length > 0)
      this.logger.warn(
        { documentId: this.documentId, damage: damage.slice(0, 20) },
        'removed content outside the schema that arrived out of order',
      );
  }

  /** Why an update may not be applied, or null: nothing of a refused update is applied or stored. */
  private refusalOf(
    update: Uint8Array,
    decoded: DecodedUpdate,
    origin: RoomMember,
  ): Refusal | null {
    const addsContent = decoded.structs.some(
      (s) => s instanceof Y.Item && !(s.content instanceof Y.ContentDeleted),
    );
    if (addsContent && this.stateBytes + update.byteLength > this.rules.maxStateBytes) {
      this.logger.warn(
        { documentId: this.documentId, userId: origin.userId, stateBytes: this.stateBytes },
        'update refused: the document reached its size budget',
      );
      return { code: COLLAB_CLOSE.documentTooLarge, reason: 'document size limit reached' };
    }
    const violation = this.rules.guard.check(this.doc, decoded);
    if (violation) {
      this.logger.warn(
        { documentId: this.documentId, userId: origin.userId, violation },
        'update refused: it does not fit the document schema',
      );
      return { code: COLLAB_CLOSE.schemaViolation, reason: 'update does not fit the schema' };
    }
    // Only for suggest-only members: the check applies the update to a copy of the document.
    const notSuggestion = origin.suggestOnly && this.suggestions.check(update, origin.userId);
    if (notSuggestion) {
      this.logger.warn(
        { documentId: this.documentId, userId: origin.userId, violation: notSuggestion },
        'update refused: a suggest-only member sent more than suggestions',
      );
      return { code: COLLAB_CLOSE.suggestionsOnly, reason: 'only suggestions may be sent' };
    }
    return null;
  }

  /**
   * What the last integration changed goes out as one message, encoded once, the same Buffer
   * to every member. Under load (hundreds of editors at a workshop) that turns N updates × M
   * members sends into M sends. A member that sent every update of the batch is skipped;
   * otherwise Yjs ignores the part it already has. Returns the number of frames written.
   */
  private broadcast(): number {
    const updates = this.outgoing;
    const origins = this.outgoingOrigins;
    this.outgoing = [];
    this.outgoingOrigins = new Set();
    if (updates.length === 0) return 0;
    const merged = updates.length === 1 ? updates[0]! : Y.mergeUpdates(updates);
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
    syncProtocol.writeUpdate(encoder, merged);
    const message = asBuffer(encoding.toUint8Array(encoder));
    const soleOrigin = origins.size === 1 ? origins.values().next().value : undefined;
    let frames = 0;
    for (const member of this.members.keys()) {
      if (member === soleOrigin) continue;
      member.send(message);
      frames++;
    }
    return frames;
  }

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
    // Removals too: a departed member's cursor must vanish on every process, not linger.
    if (origin !== RELAYED && this.relay)
      this.relay.awareness(awarenessProtocol.encodeAwarenessUpdate(this.awareness, changed));
  };

  get log() {
    return this.logger;
  }
}
