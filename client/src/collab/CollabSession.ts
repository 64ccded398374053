import { COLLAB_PATH, isStorageBehind } from '@polisee/contracts';
import type { PresenceIdentity } from '@polisee/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { IndexeddbPersistence } from 'y-indexeddb';
import * as syncProtocol from 'y-protocols/sync';
import { messageSync, WebsocketProvider } from 'y-websocket';
import * as Y from 'yjs';
import { finalCloseReason, type CollabCloseReason } from './closeReason';
import { nextConnectionState, type ConnectionState } from './collabStatus';
import { UnsyncedChanges } from './unsyncedChanges';

export interface CollabSnapshot {
  connection: ConnectionState;
  /** The provider has the server's state on the current connection. */
  synced: boolean;
  /** The copy kept on this device has been loaded (or there is none to load). */
  localLoaded: boolean;
  unsyncedCount: number;
  anyConfirmed: boolean;
  closeReason: CollabCloseReason | null;
  /** The server says its storage is behind: our changes are held in its memory, not on disk. */
  storageBehind: boolean;
}

export interface CollabSessionOptions {
  documentId: string;
  identity: PresenceIdentity;
  readOnly: boolean;
  /** `ws(s)://host` without the path; the page's own origin by default. */
  serverOrigin?: string;
  /** Keep a copy on the device (IndexedDB). Off in unit tests, which run without a browser. */
  persist?: boolean;
  /** Tests only: a WebSocket stand-in, and no cross-tab BroadcastChannel. */
  WebSocketPolyfill?: typeof WebSocket;
  disableBc?: boolean;
}

/**
 * The device copy is per user and document: a second person signing in on a shared computer
 * must neither see the first one's cached documents nor send their unsynced edits.
 */
export function deviceStoreName(userId: string, documentId: string): string {
  return `polisee:${userId}:${documentId}`;
}

/** Key in the device copy under which the count of unconfirmed changes survives a reload. */
const UNSYNCED_KEY = 'unsyncedChanges';
/** If IndexedDB does not answer (blocked, broken), connect anyway rather than never. */
const LOCAL_LOAD_TIMEOUT_MS = 3000;
/** Ask for confirmation once typing pauses this long... */
const PROBE_IDLE_MS = 300;
/** ...or at least this often while typing goes on. */
const PROBE_MAX_WAIT_MS = 2000;

/**
 * One open document: the Y.Doc, its copy on this device (y-indexeddb) and its connection to
 * the server (y-websocket), with the connection and saving state the UI shows. Framework-free;
 * `useCollabSession` gives it a React lifetime.
 */
export class CollabSession {
  readonly ydoc = new Y.Doc();
  readonly provider: WebsocketProvider;
  private persistence: IndexeddbPersistence | null = null;
  private changes = new UnsyncedChanges();
  private readonly listeners = new Set<() => void>();
  private snapshot: CollabSnapshot = {
    connection: 'connecting',
    synced: false,
    localLoaded: false,
    unsyncedCount: 0,
    anyConfirmed: false,
    closeReason: null,
    storageBehind: false,
  };
  private readOnly: boolean;
  /** The server's step 1 on this connection has been answered: probes may go out. */
  private greeted = false;
  private destroyed = false;
  private probeTimer: ReturnType<typeof setTimeout> | undefined;
  private probeDeadline = 0;
  private persistTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(options: CollabSessionOptions) {
    this.readOnly = options.readOnly;
    const origin = options.serverOrigin ?? window.location.origin.replace(/^http/, 'ws');

    // The device copy is attached first, and the socket opens only once it is loaded: edits
    // kept offline are then in the doc when the handshake runs, and the first step 1 names
    // them, so the server sends only what this device lacks.
    if (options.persist !== false) {
      this.persistence = openDeviceCopy(
        deviceStoreName(options.identity.id, options.documentId),
        this.ydoc,
      );
    }

    this.provider = new WebsocketProvider(
      origin + COLLAB_PATH,
      encodeURIComponent(options.documentId),
      this.ydoc,
      {
        connect: false,
        // y-websocket stops after any 44xx by default; ours says which codes are final
        // (rate limited and malformed are not).
        shouldReconnect: (event) => finalCloseReason(event.code) === null,
        WebSocketPolyfill: options.WebSocketPolyfill,
        disableBc: options.disableBc,
      },
    );
    // The server overwrites `user` with the session's identity; the same values are set here
    // so that our own caret and avatar look the same before the server has answered.
    this.provider.awareness.setLocalStateField('user', options.identity);
    this.watchSyncMessages();
    this.provider.on('status', this.onStatus);
    this.provider.on('sync', this.onSync);
    this.provider.on('connection-close', this.onConnectionClose);
    this.provider.awareness.on('change', this.onAwarenessChange);
    this.ydoc.on('update', this.onUpdate);
    if (typeof window !== 'undefined') {
      window.addEventListener('offline', this.onBrowserOffline);
      window.addEventListener('online', this.onBrowserOnline);
    }
    void this.loadLocalThenConnect();
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  getSnapshot = (): CollabSnapshot => this.snapshot;

  /** Read-only sessions count no changes: the server drops them, so none would ever confirm. */
  setReadOnly(readOnly: boolean) {
    this.readOnly = readOnly;
  }

  setIdentity(identity: PresenceIdentity) {
    this.provider.awareness.setLocalStateField('user', identity);
  }

  destroy() {
    if (this.destroyed) return;
    this.destroyed = true;
    clearTimeout(this.probeTimer);
    if (this.persistTimer !== undefined) {
      clearTimeout(this.persistTimer);
      this.persistCount();
    }
    if (typeof window !== 'undefined') {
      window.removeEventListener('offline', this.onBrowserOffline);
      window.removeEventListener('online', this.onBrowserOnline);
    }
    this.ydoc.off('update', this.onUpdate);
    this.provider.awareness.off('change', this.onAwarenessChange);
    // Tells the others we left (awareness null) and closes the socket.
    this.provider.destroy();
    void this.persistence?.destroy();
    this.ydoc.destroy();
    this.listeners.clear();
  }

  private async loadLocalThenConnect() {
    const persistence = this.persistence;
    if (persistence) {
      const loaded = await Promise.race([
        persistence.whenSynced.then(() => true),
        persistence._db.then(
          () => new Promise<boolean>(() => {}),
          () => false,
        ),
        delay(LOCAL_LOAD_TIMEOUT_MS).then(() => false),
      ]);
      if (loaded && !this.destroyed) {
        // Changes made offline before a reload are in the doc now; so is how many there were.
        const stored = await persistence.get(UNSYNCED_KEY).catch(() => 0);
        if (typeof stored === 'number' && stored > 0 && !this.destroyed) {
          this.changes.changed(stored);
        }
      }
    }
    if (this.destroyed) return;
    this.refreshCounts();
    this.update({ localLoaded: true });
    if (!this.snapshot.closeReason) this.provider.connect();
  }

  /**
   * Sees every sync message from the server (not those from other tabs): its step 1 means our
   * reply with what it lacks has just been written to the socket; a step 2 answers a step 1.
   */
  private watchSyncMessages() {
    const handlers = this.provider.messageHandlers;
    const original = handlers[messageSync]!;
    handlers[messageSync] = (encoder, decoder, provider, fromServer, messageType) => {
      const syncType = decoding.peekVarUint(decoder);
      original(encoder, decoder, provider, fromServer, messageType);
      if (!fromServer || this.destroyed) return;
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        // The reply is sent after this handler returns; a probe must follow it, not precede it.
        queueMicrotask(() => {
          if (this.destroyed || !this.provider.wsconnected) return;
          this.greeted = true;
          this.scheduleProbe(true);
        });
      } else if (syncType === syncProtocol.messageYjsSyncStep2) {
        if (this.changes.answerReceived()) this.persistSoon();
        this.scheduleProbe(false);
        this.refreshCounts();
      }
    };
  }

  private onStatus = ({ status }: { status: 'connecting' | 'connected' | 'disconnected' }) => {
    if (status === 'connected') {
      this.greeted = false;
      this.changes.connectionOpened();
    }
    this.update({ connection: nextConnectionState(this.snapshot.connection, status) });
  };

  private onSync = (synced: boolean) => {
    this.update({ synced });
  };

  private onConnectionClose = (event: CloseEvent | null) => {
    this.greeted = false;
    this.changes.connectionLost();
    clearTimeout(this.probeTimer);
    this.probeTimer = undefined;
    if (this.destroyed) return;
    const closeReason = event ? finalCloseReason(event.code) : null;
    if (closeReason) {
      // Never reconnect after this (y-websocket does the same through shouldReconnect; this
      // also holds if it did not). disconnect() also leaves the cross-tab channel.
      this.provider.shouldConnect = false;
      queueMicrotask(() => this.provider.disconnect());
    }
    if (closeReason === 'suggestionsOnly') this.dropRefusedChanges();
    this.update({
      connection: 'offline',
      synced: false,
      closeReason: closeReason ?? this.snapshot.closeReason,
    });
  };

  /**
   * The server refused a change that was not a suggestion (decision 0063), and with it the
   * rest of that batch. Kept here, it would be sent again by any later connection of this
   * document, also after a reload from the device copy, and closed again: the device copy is
   * deleted and nothing more is counted. A new session then starts from the shared text
   * (`useCollabSession`'s `reopen`); suggestions of the same batch are lost with it.
   */
  private dropRefusedChanges() {
    this.changes = new UnsyncedChanges();
    clearTimeout(this.persistTimer);
    this.persistTimer = undefined;
    const persistence = this.persistence;
    this.persistence = null;
    void persistence?.clearData().catch(() => {});
    this.snapshot = { ...this.snapshot, unsyncedCount: 0 };
  }

  /** y-websocket drops remote awareness when the socket closes, so this resets offline too. */
  private onAwarenessChange = () => {
    const storageBehind = isStorageBehind(this.provider.awareness.getStates().values());
    if (storageBehind !== this.snapshot.storageBehind) this.update({ storageBehind });
  };

  private onUpdate = (_update: Uint8Array, _origin: unknown, _doc: Y.Doc, tr: Y.Transaction) => {
    // Local = made in this tab (typing, undo). Updates from the server, from other tabs and
    // from the device copy are applied as remote transactions.
    if (!tr.local || this.readOnly || this.snapshot.closeReason === 'suggestionsOnly') return;
    this.changes.changed();
    this.persistSoon();
    this.scheduleProbe(false);
    this.refreshCounts();
  };

  /** The browser knows before the socket does: do not wait for the 30 s silence watchdog. */
  private onBrowserOffline = () => {
    if (this.snapshot.closeReason || !this.provider.ws) return;
    this.provider.disconnect();
    this.provider.connect();
  };

  private onBrowserOnline = () => {
    // Skip the remaining back-off: connect() is a no-op while an attempt is under way.
    if (!this.snapshot.closeReason) this.provider.connect();
  };

  /**
   * Sends a step 1 whose answer will confirm the changes made so far: right away after the
   * handshake, otherwise once typing pauses (or every PROBE_MAX_WAIT_MS while it goes on).
   * One probe at a time; its answer schedules the next if more changes came meanwhile.
   */
  private scheduleProbe(now: boolean) {
    if (!this.greeted || !this.changes.needsProbe || this.changes.probeInFlight) return;
    const at = Date.now();
    if (this.probeTimer === undefined) this.probeDeadline = at + PROBE_MAX_WAIT_MS;
    clearTimeout(this.probeTimer);
    const wait = now ? 0 : Math.max(0, Math.min(PROBE_IDLE_MS, this.probeDeadline - at));
    this.probeTimer = setTimeout(() => {
      this.probeTimer = undefined;
      this.sendProbe();
    }, wait);
  }

  private sendProbe() {
    const ws = this.provider.ws;
    if (this.destroyed || !this.greeted || !ws || !this.provider.wsconnected) return;
    if (ws.readyState !== ws.OPEN || !this.changes.needsProbe) return;
    const encoder = encoding.createEncoder();
    encoding.writeVarUint(encoder, messageSync);
    syncProtocol.writeSyncStep1(encoder, this.ydoc);
    ws.send(encoding.toUint8Array(encoder));
    this.changes.probeSent();
  }

  private refreshCounts() {
    const { count, anyConfirmed } = this.changes;
    if (count !== this.snapshot.unsyncedCount || anyConfirmed !== this.snapshot.anyConfirmed) {
      this.update({ unsyncedCount: count, anyConfirmed });
    }
  }

  /** The count is written next to the doc on the device, so that a reload still knows it. */
  private persistSoon() {
    if (!this.persistence || this.persistTimer !== undefined) return;
    this.persistTimer = setTimeout(() => {
      this.persistTimer = undefined;
      this.persistCount();
    }, 200);
  }

  private persistCount() {
    void this.persistence?.set(UNSYNCED_KEY, this.changes.count).catch(() => {});
  }

  private update(patch: Partial<CollabSnapshot>) {
    if (this.destroyed) return;
    this.snapshot = { ...this.snapshot, ...patch };
    for (const listener of this.listeners) listener();
  }
}

function openDeviceCopy(name: string, doc: Y.Doc): IndexeddbPersistence | null {
  try {
    const persistence = new IndexeddbPersistence(name, doc);
    // Without IndexedDB (some private modes) the session still works, online only.
    persistence._db.catch(() => {});
    return persistence;
  } catch {
    return null;
  }
}

function delay(ms: number) {
  return new Promise<void>((resolve) => setTimeout(resolve, ms));
}
