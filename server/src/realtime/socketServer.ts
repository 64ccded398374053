import type { Server as HttpServer, IncomingMessage, ServerResponse } from 'node:http';
import {
  SERVER_EVENTS,
  type ClientToServerEvents,
  type ServerToClientEvents,
} from '@polisee/contracts';
import type { RequestHandler } from 'express';
import type { Logger } from 'pino';
import { Server } from 'socket.io';
import { readableWorkingGroupIds } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { loadActor } from '../services/loadActor.js';
import { isAllowedOrigin } from '../http/middleware/csrf.js';

const groupRoom = (workingGroupId: string) => `wg:${workingGroupId}`;
const ADMIN_ROOM = 'admins';
const userRoom = (userId: string) => `user:${userId}`;

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
  const io = new Server<ClientToServerEvents, ServerToClientEvents>(httpServer, {
    serveClient: false,
    // Other upgrades (the collaboration endpoint) are not socket.io's to destroy.
    destroyUpgrade: false,
    allowRequest: (req, callback) => {
      const origin = req.headers.origin;
      callback(null, !origin || isAllowedOrigin(origin, req.headers.host, options.publicOrigin));
    },
  });

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
    const groups = readableWorkingGroupIds(actor);
    await socket.join(userRoom(actor.user.id));
    if (groups === undefined) await socket.join(ADMIN_ROOM);
    else await Promise.all(groups.map((g) => socket.join(groupRoom(g))));
    next();
  });

  const toReaders = (workingGroupId: string | null) =>
    workingGroupId ? io.to([groupRoom(workingGroupId), ADMIN_ROOM]) : io.to(ADMIN_ROOM);

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
        if (member) s.join(groupRoom(workingGroupId));
        else s.leave(groupRoom(workingGroupId));
      }
    })().catch((err: unknown) => options.logger.error({ err }, 'membership room update failed'));
  });

  return io;
}
