import * as decoding from 'lib0/decoding';
import type { Logger } from 'pino';
import type { WebSocket } from 'ws';
import * as awarenessProtocol from 'y-protocols/awareness';
import * as syncProtocol from 'y-protocols/sync';
import * as Y from 'yjs';
import {
  COLLAB_CLOSE,
  COLLAB_LIMITS,
  COLLAB_MESSAGE,
  type CollabCloseCode,
} from '@polisee/contracts';
import type { PresenceIdentity } from '@polisee/domain';
import {
  decodeAwarenessUpdate,
  encodeAwarenessUpdate,
  withServerIdentity,
} from './awarenessIdentity.js';
import type { Room, RoomMember } from './Room.js';

class ProtocolError extends Error {
  constructor(
    readonly code: CollabCloseCode,
    message: string,
  ) {
    super(message);
  }
}

export interface ConnectionIdentity {
  userId: string;
  sessionId: string;
  documentId: string;
  presence: PresenceIdentity;
}

/**
 * One websocket on one document. Decodes every frame with lib0 under a guard: a malformed or
 * oversized frame, or a flood, closes this connection only — the room and the stored document
 * never see it. Read-only members' document updates are dropped here, before the room.
 */
export class CollabConnection implements RoomMember {
  private tokens: number = COLLAB_LIMITS.maxMessagesPerSecond;
  private lastRefill = Date.now();
  private closed = false;
  private room: Room | null = null;
  private readonly queued: Uint8Array[] = [];
  readonly userId: string;
  /** Set by the endpoint from the policy, re-checked like `readOnly` (decision 0063). */
  suggestOnly = false;
  private awarenessClientId: number | null = null;

  constructor(
    private readonly ws: WebSocket,
    readonly identity: ConnectionIdentity,
    public readOnly: boolean,
    private readonly logger: Logger,
    private readonly onClose: (connection: CollabConnection) => void,
  ) {
    this.userId = identity.userId;
    ws.binaryType = 'nodebuffer';
    ws.on('message', (data, isBinary) => this.receive(data as Buffer, isBinary));
    ws.on('close', () => this.handleClosed());
    ws.on('error', () => this.close(COLLAB_CLOSE.serverError, 'socket error'));
  }

  /** Joins the room; frames that arrived while the room loaded are processed now, in order. */
  attach(room: Room) {
    if (this.closed) return;
    this.room = room;
    room.addMember(this);
    for (const frame of this.queued.splice(0)) {
      if (this.closed) return;
      this.process(frame);
    }
  }

  send(message: Uint8Array) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    // No per-send callback (a closure per member per broadcast): a failed write surfaces as the
    // socket's 'error' and 'close' events, which end this connection.
    this.ws.send(message);
  }

  close(code: CollabCloseCode, reason: string) {
    if (this.closed) return;
    this.closed = true;
    try {
      this.ws.close(code, reason);
    } catch {
      this.ws.terminate();
    }
    this.detach();
  }

  private handleClosed() {
    this.closed = true;
    this.detach();
  }

  private detach() {
    if (this.room) {
      const room = this.room;
      this.room = null;
      room.removeMember(this);
    }
    this.onClose(this);
  }

  private receive(data: Buffer, isBinary: boolean) {
    if (this.closed) return;
    if (!isBinary) return this.close(COLLAB_CLOSE.malformed, 'binary frames only');
    if (!this.takeToken()) return this.close(COLLAB_CLOSE.rateLimited, 'too many messages');
    const frame = new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    if (!this.room) {
      this.queued.push(frame);
      return;
    }
    this.process(frame);
  }

  private process(frame: Uint8Array) {
    try {
      const reply = this.handle(frame);
      if (reply) this.send(reply);
    } catch (err) {
      if (err instanceof ProtocolError) {
        this.close(err.code, err.message);
      } else {
        // Decoding garbage throws from lib0/yjs: that is the client's fault, not ours.
        this.logger.debug(
          { err, documentId: this.room?.documentId, userId: this.identity.userId },
          'malformed frame',
        );
        this.close(COLLAB_CLOSE.malformed, 'malformed frame');
      }
    }
  }

  private handle(frame: Uint8Array): Uint8Array | null {
    const room = this.room!;
    const decoder = decoding.createDecoder(frame);
    const type = decoding.readVarUint(decoder);
    switch (type) {
      case COLLAB_MESSAGE.sync:
        return this.handleSync(decoder, room);
      case COLLAB_MESSAGE.awareness:
        this.handleAwareness(decoding.readVarUint8Array(decoder), room);
        return null;
      case COLLAB_MESSAGE.queryAwareness:
        return room.awarenessMessage([...room.awareness.getStates().keys()]);
      case COLLAB_MESSAGE.auth:
        return null;
      default:
        throw new ProtocolError(COLLAB_CLOSE.malformed, 'unknown message type');
    }
  }

  private handleSync(decoder: decoding.Decoder, room: Room): Uint8Array | null {
    const syncType = decoding.readVarUint(decoder);
    switch (syncType) {
      case syncProtocol.messageYjsSyncStep1:
        for (const message of room.syncStep2(decoding.readVarUint8Array(decoder)))
          this.send(message);
        return null;
      case syncProtocol.messageYjsSyncStep2:
      case syncProtocol.messageYjsUpdate: {
        const update = decoding.readVarUint8Array(decoder);
        if (update.byteLength > COLLAB_LIMITS.maxUpdateBytes) {
          throw new ProtocolError(COLLAB_CLOSE.tooLarge, 'update too large');
        }
        // Read-only members: nothing is applied, stored or broadcast.
        if (this.readOnly) return null;
        // Parse fully before touching the live document, so a malformed update can never be
        // half-applied (its structs integrated and its delete set not).
        const decoded = Y.decodeUpdate(update);
        room.applyUpdate(update, this, decoded);
        return null;
      }
      default:
        throw new ProtocolError(COLLAB_CLOSE.malformed, 'unknown sync message');
    }
  }

  /**
   * The stock client re-sends every awareness change it hears, other people's included. So a
   * connection speaks only for one awareness client — the first it announces (its own
   * doc.clientID) — and everything else it relays is ignored rather than trusted.
   */
  private handleAwareness(update: Uint8Array, room: Room) {
    if (update.byteLength > COLLAB_LIMITS.maxAwarenessBytes) {
      throw new ProtocolError(COLLAB_CLOSE.tooLarge, 'awareness state too large');
    }
    const entries = decodeAwarenessUpdate(update);
    if (this.awarenessClientId === null) {
      const first = entries.find((e) => e.state !== null);
      if (!first || !room.claimClient(first.clientId, this)) return;
      this.awarenessClientId = first.clientId;
    }
    const own = entries.filter((e) => e.clientId === this.awarenessClientId);
    if (own.length === 0) return;
    const rewritten = encodeAwarenessUpdate(withServerIdentity(own, this.identity.presence));
    awarenessProtocol.applyAwarenessUpdate(room.awareness, rewritten, this);
  }

  private takeToken(): boolean {
    const now = Date.now();
    const rate = COLLAB_LIMITS.maxMessagesPerSecond;
    this.tokens = Math.min(rate, this.tokens + ((now - this.lastRefill) / 1000) * rate);
    this.lastRefill = now;
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
