import { COLLAB_CLOSE, COLLAB_MESSAGE } from '@polisee/contracts';
import type { PresenceIdentity } from '@polisee/domain';
import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import { afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { CollabSession } from './CollabSession';
import { deriveCollabStatus } from './collabStatus';

/**
 * The session against an in-process stand-in for the server that behaves like ours where it
 * matters: it greets with step 1, answers each step 1 with step 2, and handles a connection's
 * frames one at a time, in order, each taking a while. Updates it has not handled yet are not
 * in its doc, so "confirmed" can be checked against what it really has.
 */
class FakeServer {
  readonly doc = new Y.Doc();
  readonly awareness = new awarenessProtocol.Awareness(this.doc);
  /** What happens to the next connections: accepted, refused (network down) or closed with a code. */
  mode: { kind: 'accept' } | { kind: 'unreachable' } | { kind: 'close'; code: number } = {
    kind: 'accept',
  };
  connections = 0;
  readOnly = false;
  /** Closes a connection that sends an update with this code, applying nothing (the guard). */
  refuseUpdatesWith: number | null = null;
  readonly processingMs = 8;
  readonly latencyMs = 2;
  private readonly open = new Set<FakeSocket>();

  constructor() {
    this.awareness.setLocalState(null);
  }

  connect(socket: FakeSocket) {
    this.connections++;
    const mode = this.mode;
    setTimeout(() => {
      if (mode.kind === 'unreachable') return socket.closeFromServer(1006);
      socket.opened();
      if (mode.kind === 'close') return socket.closeFromServer(mode.code);
      this.open.add(socket);
      const encoder = encoding.createEncoder();
      encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
      syncProtocol.writeSyncStep1(encoder, this.doc);
      this.send(socket, encoding.toUint8Array(encoder));
    }, this.latencyMs);
  }

  /** Drops every connection as a network failure would. */
  dropAll() {
    for (const socket of this.open) socket.closeFromServer(1006);
    this.open.clear();
  }

  disconnected(socket: FakeSocket) {
    this.open.delete(socket);
  }

  /** Frames are handled one at a time, in order, like CollabConnection does. */
  private queue: Promise<void> = Promise.resolve();
  receive(socket: FakeSocket, frame: Uint8Array) {
    this.queue = this.queue.then(
      () =>
        new Promise<void>((resolve) =>
          setTimeout(() => {
            if (this.open.has(socket)) this.handle(socket, frame);
            resolve();
          }, this.processingMs),
        ),
    );
  }

  private handle(socket: FakeSocket, frame: Uint8Array) {
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    if (type === COLLAB_MESSAGE.sync) {
      const syncType = decoding.readVarUint(decoder);
      if (syncType === syncProtocol.messageYjsSyncStep1) {
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
        syncProtocol.writeSyncStep2(encoder, this.doc, decoding.readVarUint8Array(decoder));
        this.send(socket, encoding.toUint8Array(encoder));
      } else if (this.refuseUpdatesWith !== null) {
        this.open.delete(socket);
        socket.closeFromServer(this.refuseUpdatesWith);
      } else if (!this.readOnly) {
        const update = decoding.readVarUint8Array(decoder);
        Y.applyUpdate(this.doc, update, socket);
        const encoder = encoding.createEncoder();
        encoding.writeVarUint(encoder, COLLAB_MESSAGE.sync);
        syncProtocol.writeUpdate(encoder, update);
        for (const other of this.open)
          if (other !== socket) this.send(other, encoding.toUint8Array(encoder));
      }
    } else if (type === COLLAB_MESSAGE.awareness) {
      const message = encoding.createEncoder();
      encoding.writeVarUint(message, COLLAB_MESSAGE.awareness);
      encoding.writeVarUint8Array(message, decoding.readVarUint8Array(decoder));
      for (const other of this.open) this.send(other, encoding.toUint8Array(message));
    }
  }

  private send(socket: FakeSocket, message: Uint8Array) {
    setTimeout(() => socket.deliver(message), this.latencyMs);
  }
}

let server: FakeServer;

/** Just enough of the browser WebSocket for y-websocket. */
class FakeSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly CONNECTING = 0;
  readonly OPEN = 1;
  readonly CLOSING = 2;
  readonly CLOSED = 3;
  readyState = 0;
  binaryType = 'blob';
  onopen: (() => void) | null = null;
  onmessage: ((event: { data: ArrayBuffer }) => void) | null = null;
  onclose: ((event: { code: number; reason: string }) => void) | null = null;
  onerror: ((event: unknown) => void) | null = null;

  constructor(readonly url: string) {
    server.connect(this);
  }

  send(data: Uint8Array) {
    if (this.readyState !== 1) return;
    const copy = data.slice();
    setTimeout(() => server.receive(this, copy), server.latencyMs);
  }

  close() {
    if (this.readyState === 3) return;
    this.readyState = 3;
    server.disconnected(this);
    setTimeout(() => this.onclose?.({ code: 1005, reason: '' }), 0);
  }

  opened() {
    if (this.readyState !== 0) return;
    this.readyState = 1;
    this.onopen?.();
  }

  deliver(message: Uint8Array) {
    if (this.readyState !== 1) return;
    const data = message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength);
    this.onmessage?.({ data: data as ArrayBuffer });
  }

  closeFromServer(code: number) {
    if (this.readyState === 3) return;
    this.readyState = 3;
    server.disconnected(this);
    this.onclose?.({ code, reason: '' });
  }
}

const identity: PresenceIdentity = {
  id: 'u1',
  name: 'Ana Popescu',
  color: '#1d4ed8',
  organisation: 'ADR Nord-Est',
};

const sessions: CollabSession[] = [];
function openSession(readOnly = false) {
  const session = new CollabSession({
    documentId: 'd1',
    identity,
    readOnly,
    serverOrigin: 'ws://collab.test',
    persist: false,
    WebSocketPolyfill: FakeSocket as unknown as typeof WebSocket,
    disableBc: true,
  });
  session.provider.maxBackoffTime = 50;
  sessions.push(session);
  return session;
}

function statusOf(session: CollabSession) {
  return deriveCollabStatus(session.getSnapshot());
}

async function waitFor(check: () => boolean, what: string, timeoutMs = 3000) {
  const start = Date.now();
  while (!check()) {
    if (Date.now() - start > timeoutMs) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Fails the test if the count ever drops while the server lacks something it confirmed. */
function checkConfirmationsAgainstServer(session: CollabSession, text: () => string) {
  const problems: string[] = [];
  let last = session.getSnapshot().unsyncedCount;
  session.subscribe(() => {
    const count = session.getSnapshot().unsyncedCount;
    if (count < last) {
      const local = text();
      const remote = server.doc.getText('t').toString();
      if (count === 0 && remote !== local)
        problems.push(`confirmed "${local}" while server had "${remote}"`);
    }
    last = count;
  });
  return problems;
}

afterEach(() => {
  for (const session of sessions.splice(0)) session.destroy();
});

describe('CollabSession', () => {
  it('syncs, counts a change as saving, and confirms it once the server has it', async () => {
    server = new FakeServer();
    server.doc.getText('t').insert(0, 'hello');
    const session = openSession();
    expect(statusOf(session)).toBe('connecting');
    await waitFor(() => statusOf(session) === 'connected', 'connected');
    const text = session.ydoc.getText('t');
    expect(text.toString()).toBe('hello');
    const problems = checkConfirmationsAgainstServer(session, () => text.toString());

    text.insert(5, ' world');
    text.insert(11, '!');
    expect(session.getSnapshot().unsyncedCount).toBe(2);
    expect(statusOf(session)).toBe('saving');
    await waitFor(() => statusOf(session) === 'saved', 'saved');
    expect(server.doc.getText('t').toString()).toBe('hello world!');
    expect(problems).toEqual([]);
  });

  it('keeps counting offline and confirms only after the reconnect handshake delivered the changes', async () => {
    server = new FakeServer();
    server.mode = { kind: 'unreachable' };
    const session = openSession();
    await waitFor(() => statusOf(session) === 'offline', 'offline');
    const text = session.ydoc.getText('t');
    const problems = checkConfirmationsAgainstServer(session, () => text.toString());
    text.insert(0, 'a');
    text.insert(1, 'b');
    text.insert(2, 'c');
    expect(session.getSnapshot().unsyncedCount).toBe(3);
    expect(statusOf(session)).toBe('offline');

    server.mode = { kind: 'accept' };
    await waitFor(() => statusOf(session) === 'saved', 'saved after reconnect');
    expect(server.doc.getText('t').toString()).toBe('abc');
    expect(problems).toEqual([]);
  });

  it('goes offline when the connection drops mid-session and catches up on reconnect', async () => {
    server = new FakeServer();
    const session = openSession();
    await waitFor(() => statusOf(session) === 'connected', 'connected');
    const text = session.ydoc.getText('t');
    const problems = checkConfirmationsAgainstServer(session, () => text.toString());
    server.mode = { kind: 'unreachable' };
    server.dropAll();
    await waitFor(() => statusOf(session) === 'offline', 'offline');
    text.insert(0, 'kept');
    expect(session.getSnapshot().unsyncedCount).toBe(1);
    server.mode = { kind: 'accept' };
    await waitFor(() => statusOf(session) === 'saved', 'saved');
    expect(server.doc.getText('t').toString()).toBe('kept');
    expect(problems).toEqual([]);
  });

  it('stops for good after a final close code', async () => {
    server = new FakeServer();
    server.mode = { kind: 'close', code: COLLAB_CLOSE.forbidden };
    const session = openSession();
    await waitFor(() => statusOf(session) === 'closed', 'closed');
    expect(session.getSnapshot().closeReason).toBe('forbidden');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.connections).toBe(1);
    expect(session.provider.shouldConnect).toBe(false);
  });

  it('keeps a change refused as not a suggestion out, and does not reconnect', async () => {
    server = new FakeServer();
    const session = openSession();
    await waitFor(() => statusOf(session) === 'connected', 'connected');
    server.refuseUpdatesWith = COLLAB_CLOSE.suggestionsOnly;
    session.ydoc.getText('t').insert(0, 'direct');
    await waitFor(() => statusOf(session) === 'closed', 'closed');
    expect(session.getSnapshot().closeReason).toBe('suggestionsOnly');
    // Dropped, not "kept on this device" to be sent again and refused again.
    expect(session.getSnapshot().unsyncedCount).toBe(0);
    session.ydoc.getText('t').insert(0, 'more');
    expect(session.getSnapshot().unsyncedCount).toBe(0);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(server.connections).toBe(1);
    expect(session.provider.shouldConnect).toBe(false);
    expect(server.doc.getText('t').toString()).toBe('');
  });

  it('reconnects after a close code that is not final', async () => {
    server = new FakeServer();
    server.mode = { kind: 'close', code: COLLAB_CLOSE.rateLimited };
    const session = openSession();
    await waitFor(() => server.connections >= 1 && statusOf(session) === 'offline', 'offline');
    server.mode = { kind: 'accept' };
    await waitFor(() => statusOf(session) === 'connected', 'connected again');
    expect(session.getSnapshot().closeReason).toBeNull();
  });

  it('counts nothing for a read-only session', async () => {
    server = new FakeServer();
    server.readOnly = true;
    const session = openSession(true);
    await waitFor(() => statusOf(session) === 'connected', 'connected');
    session.ydoc.getText('t').insert(0, 'x');
    expect(session.getSnapshot().unsyncedCount).toBe(0);
    expect(statusOf(session)).toBe('connected');
  });

  it('shares its identity in awareness for carets and avatars', () => {
    server = new FakeServer();
    const session = openSession();
    expect(session.provider.awareness.getLocalState()?.user).toEqual(identity);
  });
});
