import {
  REALTIME_LIMITS,
  SERVER_EVENTS,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SessionEndReason,
} from '@polisee/contracts';
import type { ThematicPriority } from '@polisee/domain';
import type { Logger } from 'pino';
import type { Socket } from 'socket.io';
import { checkAccess, type AccessCheck } from '../services/checkAccess.js';
import type { ServiceContext } from '../services/context.js';
import { LocalConnectionCaps, type ConnectionCaps } from '../services/limits/connectionCaps.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { roomsFor } from './rooms.js';

/** Sessions and rooms are rechecked this often: expiry and changes that raise no event. */
const ACCESS_RECHECK_MS = 3000;

export interface SocketData {
  userId: string;
  /** The session the handshake carried; the socket lives only as long as it does. */
  sessionId: string;
  /** Subscribed documents, each checked readable; dropped when access ends. */
  documents: Set<string>;
  priorities: Set<ThematicPriority>;
  /** Live workshops joined (see realtime/workshopEvents.ts). */
  workshops: Set<string>;
  /** Set when the session ended before the socket finished connecting. */
  endedReason?: SessionEndReason;
}

export type ServerSocket = Socket<ClientToServerEvents, ServerToClientEvents, object, SocketData>;

/**
 * Keeps every socket.io connection as alive as its session and as wide as its access: counts
 * connections per user (the cap), ends sockets whose session ended (at once on `sessionsEnded`,
 * on the next request, or at the periodic recheck for expiry), and moves sockets between rooms
 * when memberships change. Work on one socket is serialised, so a subscription checked before a
 * revocation cannot join its room after the revocation was applied.
 */
export class SocketAccess {
  private readonly byUser = new Map<string, Set<ServerSocket>>();
  private readonly queues = new WeakMap<ServerSocket, Promise<unknown>>();
  private readonly releases = new WeakMap<ServerSocket, () => void>();
  private readonly timer: NodeJS.Timeout;
  /**
   * A socket's user may no longer see a workshop it joined: the workshop edge takes it out of
   * the live session (presence, attendance). Its room is left by `syncRooms` either way.
   */
  onWorkshopLost: (socket: ServerSocket, workshopId: string) => void = () => {};

  constructor(
    private readonly ctx: ServiceContext,
    private readonly logger: Logger,
    private readonly caps: ConnectionCaps = new LocalConnectionCaps(),
  ) {
    this.timer = setInterval(() => this.recheckAll(), ACCESS_RECHECK_MS);
    this.timer.unref();
    ctx.events.on('sessionsEnded', ({ userId, sessionId, exceptSessionId, reason }) => {
      for (const socket of this.socketsOf(userId)) {
        if (sessionId !== undefined && socket.data.sessionId !== sessionId) continue;
        if (exceptSessionId !== undefined && socket.data.sessionId === exceptSessionId) continue;
        this.end(socket, reason);
      }
    });
    // A role, membership or status change applies at once rather than at the next recheck.
    ctx.events.on('membershipChanged', ({ userId }) => this.recheckUser(userId));
  }

  /** Puts the user's sockets on this process in the rooms their access allows now. */
  recheckUser(userId: string) {
    const check = checkAccess(this.ctx);
    for (const socket of this.socketsOf(userId)) this.reauthorise(socket, check);
  }

  close() {
    clearInterval(this.timer);
  }

  /**
   * Registers a handshake under its user, or refuses it (false) when the user is at the cap,
   * counted by the caps (every process's handshakes when shared). Pending handshakes count, and
   * the registration ends with the socket or its connection.
   */
  async admit(socket: ServerSocket, userId: string, sessionId: string): Promise<boolean> {
    const limit = REALTIME_LIMITS.maxConnectionsPerUser;
    if (!(await this.caps.admit('socket', userId, socket.id, limit))) return false;
    const sockets = this.byUser.get(userId) ?? new Set();
    sockets.add(socket);
    this.byUser.set(userId, sockets);
    socket.data = {
      userId,
      sessionId,
      documents: new Set(),
      priorities: new Set(),
      workshops: new Set(),
    };
    const release = () => this.release(socket);
    this.releases.set(socket, release);
    socket.once('disconnect', release);
    // A handshake that never completes emits no 'disconnect'; its connection still closes.
    socket.conn.once('close', release);
    // The connection closed while the caps answered: its 'close' has been and gone.
    if (socket.conn.readyState === 'closed') release();
    return true;
  }

  release(socket: ServerSocket) {
    const release = this.releases.get(socket);
    if (!release) return;
    this.releases.delete(socket);
    // One connection may carry socket after socket: do not pile listeners on it.
    socket.conn.off('close', release);
    socket.off('disconnect', release);
    this.caps.release('socket', socket.data.userId, socket.id);
    const sockets = this.byUser.get(socket.data.userId);
    sockets?.delete(socket);
    if (sockets?.size === 0) this.byUser.delete(socket.data.userId);
  }

  /**
   * Called on 'connection': a session that ended during the handshake ends the socket now
   * (false). Until then the socket could not be disconnected, only marked.
   */
  connected(socket: ServerSocket): boolean {
    if (!socket.data.endedReason) return true;
    this.end(socket, socket.data.endedReason);
    return false;
  }

  /**
   * Runs `work` after every earlier piece of work on this socket. Subscriptions, revocations and
   * rechecks go through here, so their effects on rooms apply in the order they were decided.
   */
  exclusive<T>(socket: ServerSocket, work: () => Promise<T>): Promise<T> {
    const run = (this.queues.get(socket) ?? Promise.resolve()).then(work);
    this.queues.set(
      socket,
      run.catch(() => undefined),
    );
    return run;
  }

  /**
   * The actor behind a socket as of now, or why its session is over. Every client request asks
   * this first: the store is the truth, whatever events may still be on their way.
   */
  verify(
    socket: ServerSocket,
    check = checkAccess(this.ctx),
  ): Promise<AuthenticatedActor | SessionEndReason> {
    return check.sessionActor(socket.data.sessionId, socket.data.userId);
  }

  /**
   * Re-checks the session, drops subscribed documents the user may no longer read, and puts the
   * socket in exactly the rooms its access allows (serialised with the socket's other work).
   * Rejects only when the store could not answer; an ended session ends the socket.
   */
  authorise(socket: ServerSocket, check = checkAccess(this.ctx)): Promise<void> {
    return this.exclusive(socket, async () => {
      const actor = await this.verify(socket, check);
      if (typeof actor === 'string') return this.end(socket, actor);
      for (const documentId of [...socket.data.documents]) {
        if ((await check.documentAccess(actor, documentId)) === 'none') {
          socket.data.documents.delete(documentId);
        }
      }
      for (const workshopId of [...socket.data.workshops]) {
        if (!(await check.workshopReadable(actor, workshopId))) {
          socket.data.workshops.delete(workshopId);
          this.onWorkshopLost(socket, workshopId);
        }
      }
      this.syncRooms(socket, actor);
    });
  }

  /** `authorise` in the background: a failure is logged and left to the next recheck. */
  private reauthorise(socket: ServerSocket, check: AccessCheck) {
    void this.authorise(socket, check).catch((err: unknown) =>
      this.logger.error({ err, userId: socket.data.userId }, 'socket access recheck failed'),
    );
  }

  /** Joins and leaves rooms so that the socket is in exactly those `roomsFor` gives. */
  syncRooms(socket: ServerSocket, actor: AuthenticatedActor) {
    const wanted = roomsFor(actor, socket.data);
    for (const room of [...socket.rooms]) {
      if (room !== socket.id && !wanted.has(room)) void socket.leave(room);
    }
    const missing = [...wanted].filter((room) => !socket.rooms.has(room));
    if (missing.length > 0) void socket.join(missing);
  }

  /**
   * Tells the client why (so it can send the user to sign in) and closes the connection; the
   * event is flushed before the close. A socket still in its handshake ends on connecting.
   */
  end(socket: ServerSocket, reason: SessionEndReason) {
    if (!socket.connected) {
      socket.data.endedReason ??= reason;
      return;
    }
    this.logger.info({ userId: socket.data.userId, reason }, 'socket session ended');
    socket.emit(SERVER_EVENTS.sessionEnded, { reason });
    socket.disconnect(true);
  }

  private socketsOf(userId: string): ServerSocket[] {
    return [...(this.byUser.get(userId) ?? [])];
  }

  private recheckAll() {
    const check = checkAccess(this.ctx);
    for (const sockets of this.byUser.values()) {
      for (const socket of sockets) this.reauthorise(socket, check);
    }
  }
}
