import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import {
  CLIENT_EVENTS,
  SERVER_EVENTS,
  SubscribeDocumentSchema,
  SubscribePrioritySchema,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscriptionAck,
} from '@polisee/contracts';
import { AppError, type ThematicPriority } from '@polisee/domain';
import type { z } from 'zod';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { canOnDocument, readableWorkingGroupIds } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { loadActor } from '../services/loadActor.js';
import { isAllowedOrigin } from '../http/middleware/csrf.js';

const groupRoom = (workingGroupId: string) => `wg:${workingGroupId}`;
const ADMIN_ROOM = 'admins';
const userRoom = (userId: string) => `user:${userId}`;
const documentRoom = (documentId: string) => `doc:${documentId}`;
/** Priority rooms are per working group, so a priority's events only reach its readers. */
const priorityRoom = (workingGroupId: string, priority: ThematicPriority) =>
  `wg:${workingGroupId}:priority:${priority}`;
const adminPriorityRoom = (priority: ThematicPriority) => `admins:priority:${priority}`;

interface SocketData {
  userId: string;
  /** Subscribed documents and their working group, to drop them when access ends. */
  documents: Map<string, string>;
  priorities: Set<ThematicPriority>;
}

/**
 * socket.io for application events. Sockets join one room per readable working group, so an
 * event about a document only reaches people who may read it. Payloads carry ids only.
 */
export function createSocketServer(
  httpServer: HttpServer,
  ctx: ServiceContext,
  sessionMiddleware: RequestHandler,
  options: { publicOrigin: string | undefined; logger: Logger },
) {
  const io = new Server<ClientToServerEvents, ServerToClientEvents, object, SocketData>(
    httpServer,
    {
      serveClient: false,
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

  io.use(async (socket, next) => {
    const userId = (socket.request as IncomingMessage & { session?: { userId?: string } }).session
      ?.userId;
    const actor = userId ? await loadActor(ctx, userId) : null;
    if (!actor) return next(new Error('unauthenticated'));
    socket.data.userId = actor.user.id;
    socket.data.documents = new Map();
    socket.data.priorities = new Set();
    const groups = readableWorkingGroupIds(actor);
    await socket.join(userRoom(actor.user.id));
    if (groups === undefined) await socket.join(ADMIN_ROOM);
    else await Promise.all(groups.map((g) => socket.join(groupRoom(g))));
    next();
  });

  const toReaders = (workingGroupId: string | null) =>
    workingGroupId ? io.to([groupRoom(workingGroupId), ADMIN_ROOM]) : io.to(ADMIN_ROOM);

  /**
   * Subscriptions: each payload is validated at the edge and access is checked against the
   * policy at the time of subscribing; the membership handler below keeps it true afterwards.
   */
  io.on('connection', (socket) => {
    const handle =
      <S extends z.ZodType>(schema: S, run: (input: z.output<S>) => Promise<void>) =>
      (payload: unknown, ack: unknown) => {
        const reply = typeof ack === 'function' ? (ack as (r: SubscriptionAck) => void) : () => {};
        const parsed = schema.safeParse(payload);
        if (!parsed.success) return reply({ ok: false, error: 'validation_failed' });
        run(parsed.data).then(
          () => reply({ ok: true }),
          (err: unknown) => {
            if (!(err instanceof AppError)) options.logger.error({ err }, 'socket handler failed');
            reply({ ok: false, error: err instanceof AppError ? err.code : 'internal' });
          },
        );
      };

    socket.on(
      CLIENT_EVENTS.subscribeDocument,
      handle(SubscribeDocumentSchema, async ({ documentId }) => {
        const actor = await loadActor(ctx, socket.data.userId);
        const doc = await ctx.store.documents.get(documentId);
        if (!actor || !doc || !canOnDocument(actor, 'document.read', doc)) {
          throw new AppError('not_found', 'No such document.');
        }
        socket.data.documents.set(documentId, doc.workingGroupId);
        await socket.join(documentRoom(documentId));
      }),
    );
    socket.on(
      CLIENT_EVENTS.unsubscribeDocument,
      handle(SubscribeDocumentSchema, async ({ documentId }) => {
        socket.data.documents.delete(documentId);
        await socket.leave(documentRoom(documentId));
      }),
    );
    socket.on(
      CLIENT_EVENTS.subscribePriority,
      handle(SubscribePrioritySchema, async ({ priority }) => {
        const actor = await loadActor(ctx, socket.data.userId);
        if (!actor) throw new AppError('unauthenticated', 'Sign in again.');
        socket.data.priorities.add(priority);
        const groups = readableWorkingGroupIds(actor);
        if (groups === undefined) await socket.join(adminPriorityRoom(priority));
        else await socket.join(groups.map((g) => priorityRoom(g, priority)));
      }),
    );
    socket.on(
      CLIENT_EVENTS.unsubscribePriority,
      handle(SubscribePrioritySchema, async ({ priority }) => {
        socket.data.priorities.delete(priority);
        for (const room of socket.rooms) {
          if (room.endsWith(`:priority:${priority}`)) await socket.leave(room);
        }
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
        const unreadCount = await ctx.store.notifications.unreadCount(notification.userId);
        io.to(userRoom(notification.userId)).emit(SERVER_EVENTS.notificationAdded, {
          notification,
          unreadCount,
        });
      }
    })().catch((err: unknown) => options.logger.error({ err }, 'notification push failed'));
  });
  ctx.events.on('notificationsRead', ({ userId }) => {
    void ctx.store.notifications.unreadCount(userId).then(
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
  ctx.events.on('activityAdded', (activity) => {
    toReaders(activity.workingGroupId).emit(SERVER_EVENTS.activityAdded, {
      workingGroupId: activity.workingGroupId,
    });
  });
  // Rooms follow memberships: a user added to or removed from a group is moved at once.
  ctx.events.on('membershipChanged', ({ userId, workingGroupId }) => {
    void (async () => {
      const actor = await loadActor(ctx, userId);
      const member = actor?.memberships.some((m) => m.workingGroupId === workingGroupId) ?? false;
      const sockets = await io.in(userRoom(userId)).fetchSockets();
      for (const s of sockets) {
        const priorityRooms = [...s.data.priorities].map((p) => priorityRoom(workingGroupId, p));
        if (member) {
          s.join([groupRoom(workingGroupId), ...priorityRooms]);
          continue;
        }
        // Access to the group ended: its rooms, priority rooms and open documents go with it.
        s.leave(groupRoom(workingGroupId));
        priorityRooms.forEach((room) => s.leave(room));
        for (const [documentId, groupId] of s.data.documents) {
          if (groupId !== workingGroupId) continue;
          s.data.documents.delete(documentId);
          s.leave(documentRoom(documentId));
        }
      }
    })().catch((err: unknown) => options.logger.error({ err }, 'membership room update failed'));
  });

  return io;
}
