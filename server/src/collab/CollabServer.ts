import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { COLLAB_CLOSE, COLLAB_LIMITS, type CollabCloseCode } from '@polisee/contracts';
import { IdSchema } from '@polisee/domain';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { WebSocketServer, type WebSocket } from 'ws';
import { isAllowedOrigin } from '../policies/origin.js';
import { checkAccess } from '../services/checkAccess.js';
import type { DocumentAccess } from '../services/documents.js';
import type { ServiceContext } from '../services/context.js';
import { loadActor } from '../services/loadActor.js';
import { LocalConnectionCaps, type ConnectionCaps } from '../services/limits/connectionCaps.js';
import { loadPresence } from '../services/loadPresence.js';
import { CollabConnection, type ConnectionIdentity } from './CollabConnection.js';
import { RoomLoadError, type RoomManager } from './RoomManager.js';

/** Access is re-checked this often, so a revoked session or membership ends within seconds. */
const ACCESS_RECHECK_MS = 3000;
/**
 * A handshake or a room's opening that takes longer than this is logged: the client waits with
 * an empty editor meanwhile, and the log should say where it waited.
 */
const SLOW_JOIN_MS = 5000;
/** Dead sockets (a laptop lid closed) are found by ping; two missed pongs end the connection. */
const PING_INTERVAL_MS = 30_000;

/** Suggest-only members write, and each of their updates is checked (decision 0063). */
const isReadOnly = (access: DocumentAccess) => access !== 'edit' && access !== 'suggest';

function destroySocket(this: Duplex) {
  this.destroy();
}

interface UpgradeRequest extends IncomingMessage {
  session?: { userId?: string };
  sessionID?: string;
}

/**
 * The y-websocket endpoint at /collab/<documentId>: authenticates the upgrade from the session
 * cookie, asks the policy whether the user may read (and edit) the document, and hands the
 * socket to a CollabConnection in the document's Room.
 */
export class CollabServer {
  readonly rooms: RoomManager;
  private readonly caps: ConnectionCaps;
  /** The cap slot each connection holds, freed when it ends. */
  private readonly slots = new Map<CollabConnection, string>();
  private readonly wss = new WebSocketServer({
    noServer: true,
    maxPayload: COLLAB_LIMITS.maxFrameBytes,
    // Explicit, though it is ws' default: compression would cost a zlib context per socket and
    // CPU per recipient, and Yjs updates are small binary.
    perMessageDeflate: false,
  });
  private readonly connections = new Set<CollabConnection>();
  private readonly alive = new WeakMap<WebSocket, boolean>();
  private readonly timers: NodeJS.Timeout[] = [];
  private closing = false;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly sessionMiddleware: RequestHandler,
    private readonly options: {
      publicOrigin: string | undefined;
      logger: Logger;
      /** Shared with the thread service, which anchors comments in the live documents. */
      rooms: RoomManager;
      /** Per-user caps: this process's alone unless given those of all (REDIS_URL). */
      caps?: ConnectionCaps;
    },
  ) {
    this.rooms = options.rooms;
    this.caps = options.caps ?? new LocalConnectionCaps();
    this.timers.push(setInterval(() => void this.recheckAccess(), ACCESS_RECHECK_MS));
    this.timers.push(setInterval(() => this.pingAll(), PING_INTERVAL_MS));
    for (const t of this.timers) t.unref();
    // Role or status changes apply at once rather than at the next recheck.
    ctx.events.on('membershipChanged', ({ userId }) => void this.recheckAccess(userId));
    ctx.events.on('documentChanged', () => void this.recheckAccess());
    // Sign-out, a password change or removal: their connections close now, not at the recheck.
    ctx.events.on('sessionsEnded', ({ userId }) => void this.recheckAccess(userId));
  }

  /**
   * An upgrade to /collab/<rawId>, routed here by the server's upgrade router, which
   * decoded and validated the path at the edge: decoding it here threw a URIError on
   * `/collab/%` and ended the process (security issue 11). Every outcome, a failure included,
   * is answered on the socket; nothing is left to become an unhandled rejection.
   */
  upgrade(req: UpgradeRequest, socket: Duplex, head: Buffer, rawId: string) {
    this.handleUpgrade(req, socket, head, rawId).catch((err: unknown) => {
      this.options.logger.error({ err }, 'collab upgrade failed');
      socket.destroy();
    });
  }

  get connectionCount() {
    return this.connections.size;
  }

  /** Shutdown: tell clients to come back later, then make every accepted update durable. */
  async close() {
    this.closing = true;
    this.timers.forEach(clearInterval);
    for (const c of [...this.connections]) c.close(COLLAB_CLOSE.goingAway, 'server restarting');
    await this.rooms.closeAll();
    this.wss.close();
  }

  private async handleUpgrade(req: UpgradeRequest, socket: Duplex, head: Buffer, rawId: string) {
    const began = Date.now();
    // A module function, not a closure: a closure here would keep this request (its session,
    // headers and express-session's wrappers, ~2 KB) alive as long as the socket.
    socket.on('error', destroySocket);
    // Refusals complete the handshake and close with a named code, so stock clients can tell
    // "sign in" from "not found". Anything the refused socket still sends is ignored.
    const refuse = (code: CollabCloseCode, reason: string) =>
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        ws.on('error', () => ws.terminate());
        ws.close(code, reason);
      });
    try {
      if (this.closing) return refuse(COLLAB_CLOSE.goingAway, 'server restarting');
      const origin = req.headers.origin;
      if (origin && !isAllowedOrigin(origin, req.headers.host, this.options.publicOrigin)) {
        return refuse(COLLAB_CLOSE.forbidden, 'foreign origin');
      }
      const parsedId = IdSchema.safeParse(rawId);
      if (!parsedId.success) return refuse(COLLAB_CLOSE.notFound, 'no such document');
      const documentId = parsedId.data;

      await new Promise<void>((resolve, reject) =>
        this.sessionMiddleware(req as never, {} as never, (err?: unknown) =>
          err ? reject(err) : resolve(),
        ),
      );
      const userId = req.session?.userId;
      const actor = userId ? await loadActor(this.ctx, userId) : null;
      if (!actor || !req.sessionID) return refuse(COLLAB_CLOSE.unauthorized, 'sign in first');

      const access = await checkAccess(this.ctx).documentAccess(actor, documentId);
      if (access === 'none') return refuse(COLLAB_CLOSE.notFound, 'no such document');
      const identity: ConnectionIdentity = {
        userId: actor.user.id,
        sessionId: req.sessionID,
        presence: await loadPresence(this.ctx, actor.user),
        documentId,
      };
      // Last, right before the handshake (no await in between): the slot is freed by the
      // connection's end, or by the socket's if the handshake never completes.
      const slot = randomUUID();
      const userSlot = [actor.user.id, slot] as const;
      if (!(await this.caps.admit('collab', ...userSlot, COLLAB_LIMITS.maxConnectionsPerUser)))
        return refuse(COLLAB_CLOSE.rateLimited, 'too many open documents');
      // A client that gave up while we checked: its 'close' has been and gone.
      if (socket.destroyed) return this.caps.release('collab', ...userSlot);
      const handshake = this.holdSlotUntilAccepted(socket, userSlot);
      const checkedMs = Date.now() - began;
      if (checkedMs > SLOW_JOIN_MS)
        this.options.logger.warn({ documentId, ms: checkedMs }, 'collab upgrade: checks were slow');
      this.wss.handleUpgrade(req, socket, head, (ws) => {
        handshake.accepted = true;
        this.accept(ws, identity, access, slot);
      });
    } catch (err) {
      this.options.logger.error({ err }, 'collab upgrade failed');
      refuse(COLLAB_CLOSE.serverError, 'server error');
    }
  }

  /**
   * Frees the connection slot if the socket closes before the handshake completes. Separate from
   * handleUpgrade for the reason given at accept(): the socket's 'close' listener lives as long as
   * the connection, and made there it kept the upgrade request, its session and cookie (~3 KB)
   * alive with it.
   */
  private holdSlotUntilAccepted(socket: Duplex, [userId, slot]: readonly [string, string]) {
    const handshake = { accepted: false };
    socket.once('close', () => {
      if (!handshake.accepted) this.caps.release('collab', userId, slot);
    });
    return handshake;
  }

  /**
   * Separate from handleUpgrade so that the listeners made here close over this scope only: a
   * closure in handleUpgrade would keep the upgrade request alive for the connection's life.
   */
  private accept(
    ws: WebSocket,
    identity: ConnectionIdentity,
    access: DocumentAccess,
    slot: string,
  ) {
    const connection = new CollabConnection(
      ws,
      identity,
      isReadOnly(access),
      this.options.logger,
      (c) => this.forget(c),
    );
    connection.suggestOnly = access === 'suggest';
    this.connections.add(connection);
    this.slots.set(connection, slot);
    this.alive.set(ws, true);
    ws.on('pong', () => this.alive.set(ws, true));
    void this.join(connection, identity.documentId);
  }

  private async join(connection: CollabConnection, documentId: string) {
    const slow = setTimeout(
      () =>
        this.options.logger.warn(
          { documentId, loading: this.rooms.state(documentId) },
          `collab join: the room has not opened after ${SLOW_JOIN_MS} ms`,
        ),
      SLOW_JOIN_MS,
    );
    slow.unref();
    try {
      // Attached inside open(), while the room is certainly live (see RoomManager.open).
      await this.rooms.open(documentId, (room) => connection.attach(room), { beforeLoad: true });
    } catch (err) {
      const notFound = err instanceof RoomLoadError && err.reason === 'not_found';
      connection.close(
        notFound ? COLLAB_CLOSE.notFound : COLLAB_CLOSE.serverError,
        notFound ? 'no such document' : 'could not load',
      );
    } finally {
      clearTimeout(slow);
    }
  }

  private forget(connection: CollabConnection) {
    if (!this.connections.delete(connection)) return;
    const slot = this.slots.get(connection);
    this.slots.delete(connection);
    if (slot) this.caps.release('collab', connection.identity.userId, slot);
    const room = this.rooms.room(connection.identity.documentId);
    if (room) this.rooms.release(room);
  }

  /** Re-evaluates every connection (or one user's): closes those who lost access, flips read-only. */
  private async recheckAccess(userId?: string) {
    const targets = [...this.connections].filter((c) => !userId || c.identity.userId === userId);
    // One pass: each session, user and document is read once, however many tabs share it.
    const check = checkAccess(this.ctx);
    for (const c of targets) {
      try {
        const actor = await check.sessionActor(c.identity.sessionId, c.identity.userId);
        if (typeof actor === 'string') {
          c.close(COLLAB_CLOSE.unauthorized, 'session ended');
          continue;
        }
        const access = await check.documentAccess(actor, c.identity.documentId);
        if (access === 'none') {
          c.close(COLLAB_CLOSE.forbidden, 'access revoked');
          continue;
        }
        c.readOnly = isReadOnly(access);
        c.suggestOnly = access === 'suggest';
      } catch (err) {
        this.options.logger.error({ err }, 'access recheck failed');
      }
    }
  }

  private pingAll() {
    for (const ws of this.wss.clients) {
      if (this.alive.get(ws) === false) {
        ws.terminate();
        continue;
      }
      this.alive.set(ws, false);
      ws.ping();
    }
  }
}
