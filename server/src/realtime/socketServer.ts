import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import {
  CLIENT_EVENTS,
  REALTIME_CONNECT_ERRORS,
  REALTIME_LIMITS,
  SERVER_EVENTS,
  SubscribeDocumentSchema,
  SubscribePrioritySchema,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@polisee/contracts';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { Server, type ServerOptions } from 'socket.io';
import { isAllowedOrigin } from '../policies/origin.js';
import type { ServiceContext } from '../services/context.js';
import { countUnreadNotifications } from '../services/countUnreadNotifications.js';
import { getReadableDocument } from '../services/documents.js';
import type { WorkshopRuntime } from '../workshops/live/WorkshopRuntime.js';
import { shareAccessChanges, type InterServerEvents } from './acrossProcesses.js';
import {
  ADMIN_ROOM,
  adminPriorityRoom,
  documentRoom,
  groupRoom,
  priorityRoom,
  userRoom,
} from './rooms.js';
import type { ConnectionCaps } from '../services/limits/connectionCaps.js';
import { SocketAccess, type SocketData } from './socketAccess.js';
import { socketHandler } from './socketHandler.js';
import { registerWorkshopEvents, workshopAccessLost } from './workshopEvents.js';

type HandshakeRequest = IncomingMessage & { session?: { userId?: string }; sessionID?: string };

/** A refused handshake: the client sees `message` (a stable code) in its `connect_error`. */
function refusal(code: string, data?: object) {
  return Object.assign(new Error(code), { data: { code, ...data } });
}

/**
 * socket.io for application events. Sockets join one room per readable working group, so an
 * event about a document only reaches people who may read it. Payloads carry ids only.
 */
export function createSocketServer(
  httpServer: HttpServer,
  ctx: ServiceContext,
  sessionMiddleware: RequestHandler,
  options: {
    publicOrigin: string | undefined;
    logger: Logger;
    workshops: WorkshopRuntime;
    /** Shared by several processes (scale-out); socket.io's in-memory one otherwise. */
    adapter?: ServerOptions['adapter'];
    /** Per-user caps: this process's alone unless given those of all (REDIS_URL). */
    caps?: ConnectionCaps;
  },
) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, InterServerEvents, SocketData>(
    httpServer,
    {
      serveClient: false,
      ...(options.adapter ? { adapter: options.adapter } : {}),
      // Other upgrades (the collaboration endpoint) are not socket.io's to destroy.
      destroyUpgrade: false,
      allowRequest: (req, callback) => {
        const origin = req.headers.origin;
        callback(null, !origin || isAllowedOrigin(origin, req.headers.host, options.publicOrigin));
      },
    },
  );

  io.engine.use(
    (
      req: IncomingMessage & { _query?: Record<string, string> },
      res: ServerResponse,
      next: () => void,
    ) => {
      // Only the handshake needs the session; later polling requests ride the established sid.
      const isHandshake = req._query?.sid === undefined;
      if (!isHandshake) return next();
      sessionMiddleware(req as never, res as never, next as never);
    },
  );

  const access = new SocketAccess(ctx, options.logger, options.caps);
  httpServer.once('close', () => access.close());

  io.use((socket, next) => {
    const req = socket.request as HandshakeRequest;
    const userId = req.session?.userId;
    if (!userId || !req.sessionID) return next(refusal(REALTIME_CONNECT_ERRORS.unauthenticated));
    const sessionId = req.sessionID;
    const handshake = async () => {
      if (!(await access.admit(socket, userId, sessionId))) {
        return refusal(REALTIME_CONNECT_ERRORS.tooManyConnections, {
          limit: REALTIME_LIMITS.maxConnectionsPerUser,
        });
      }
      // Joins the rooms the user may read, after reading the session again: one that ended
      // while the handshake was on its way is refused here or ended on connecting.
      await access.authorise(socket);
      if (!socket.data.endedReason) return undefined;
      access.release(socket);
      return refusal(REALTIME_CONNECT_ERRORS.unauthenticated);
    };
    handshake().then(
      (refused) => next(refused),
      (err: unknown) => {
        options.logger.error({ err, userId }, 'socket handshake failed');
        access.release(socket);
        next(refusal(REALTIME_CONNECT_ERRORS.serverError));
      },
    );
  });

  const workshopEvents = registerWorkshopEvents(io, ctx, options.workshops, options.logger);
  access.onWorkshopLost = workshopAccessLost(ctx, options.workshops, options.logger);
  if (options.adapter) shareAccessChanges(io, ctx, access);

  const toReaders = (workingGroupId: string | null) =>
    workingGroupId ? io.to([groupRoom(workingGroupId), ADMIN_ROOM]) : io.to(ADMIN_ROOM);

  /**
   * Subscriptions: each payload is validated at the edge, then the session is read again and
   * access checked against the policy, so a request after the session ended is refused even
   * before any event or recheck got to this socket. SocketAccess keeps it true afterwards.
   */
  io.on('connection', (socket) => {
    if (!access.connected(socket)) return;
    const handle = socketHandler(socket, access, options.logger);
    workshopEvents(socket, handle);
    socket.on(
      CLIENT_EVENTS.subscribeDocument,
      handle(SubscribeDocumentSchema, async ({ documentId }, actor) => {
        // Refused as not found when unreadable, like the REST routes.
        await getReadableDocument(ctx, actor, documentId);
        socket.data.documents.add(documentId);
        access.syncRooms(socket, actor);
      }),
    );
    socket.on(
      CLIENT_EVENTS.unsubscribeDocument,
      handle(SubscribeDocumentSchema, async ({ documentId }, actor) => {
        socket.data.documents.delete(documentId);
        access.syncRooms(socket, actor);
      }),
    );
    socket.on(
      CLIENT_EVENTS.subscribePriority,
      handle(SubscribePrioritySchema, async ({ priority }, actor) => {
        socket.data.priorities.add(priority);
        access.syncRooms(socket, actor);
      }),
    );
    socket.on(
      CLIENT_EVENTS.unsubscribePriority,
      handle(SubscribePrioritySchema, async ({ priority }, actor) => {
        socket.data.priorities.delete(priority);
        access.syncRooms(socket, actor);
      }),
    );
  });

  ctx.events.on('threadChanged', ({ thread, previousPriority }) => {
    const rooms = [
      documentRoom(thread.documentId),
      priorityRoom(thread.workingGroupId, thread.priority),
      adminPriorityRoom(thread.priority),
    ];
    if (previousPriority) {
      rooms.push(
        priorityRoom(thread.workingGroupId, previousPriority),
        adminPriorityRoom(previousPriority),
      );
    }
    io.to(rooms).emit(SERVER_EVENTS.threadChanged, { thread, previousPriority });
  });
  ctx.events.on('notificationsAdded', (notifications) => {
    void (async () => {
      for (const notification of notifications) {
        const unreadCount = await countUnreadNotifications(ctx, notification.userId);
        io.to(userRoom(notification.userId)).emit(SERVER_EVENTS.notificationAdded, {
          notification,
          unreadCount,
        });
      }
    })().catch((err: unknown) => options.logger.error({ err }, 'notification push failed'));
  });
  ctx.events.on('notificationsRead', ({ userId }) => {
    void countUnreadNotifications(ctx, userId).then(
      (unreadCount) =>
        io.to(userRoom(userId)).emit(SERVER_EVENTS.notificationsRead, { unreadCount }),
      (err: unknown) => options.logger.error({ err }, 'notification push failed'),
    );
  });

  // History and review rounds: to the document's subscribers, ids only (they refetch).
  ctx.events.on('versionAdded', (version) => {
    io.to(documentRoom(version.documentId)).emit(SERVER_EVENTS.versionAdded, {
      documentId: version.documentId,
      versionId: version.id,
    });
  });
  // Ids only, never a score: subscribers refetch, and the REST answer is what keeps scores private.
  ctx.events.on('assessmentChanged', ({ documentId, matrixId }) => {
    io.to(documentRoom(documentId)).emit(SERVER_EVENTS.assessmentChanged, {
      documentId,
      matrixId,
    });
  });
  ctx.events.on('signoffChanged', ({ documentId, requestId }) => {
    io.to(documentRoom(documentId)).emit(SERVER_EVENTS.signoffChanged, { documentId, requestId });
  });
  ctx.events.on('reviewChanged', (review) => {
    io.to(documentRoom(review.documentId)).emit(SERVER_EVENTS.reviewChanged, {
      documentId: review.documentId,
      reviewId: review.id,
    });
  });
  ctx.events.on('documentChanged', (doc) => {
    toReaders(doc.workingGroupId).emit(SERVER_EVENTS.documentChanged, {
      documentId: doc.id,
      workingGroupId: doc.workingGroupId,
    });
  });
  // Workshop lists ("live now", "upcoming"): the group's readers and the workshop's guests.
  ctx.events.on('workshopStatusChanged', (workshop) => {
    const payload = {
      workshopId: workshop.id,
      workingGroupId: workshop.workingGroupId,
      status: workshop.status,
    };
    io.to([
      groupRoom(workshop.workingGroupId),
      ADMIN_ROOM,
      ...workshop.guestIds.map(userRoom),
    ]).emit(SERVER_EVENTS.workshopStatusChanged, payload);
  });
  ctx.events.on('activityAdded', (activity) => {
    toReaders(activity.workingGroupId).emit(SERVER_EVENTS.activityAdded, {
      workingGroupId: activity.workingGroupId,
    });
  });
  // Rooms follow memberships and sessions: SocketAccess moves or ends the sockets at once.

  return io;
}
