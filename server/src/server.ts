import { createServer, type Server } from 'node:http';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { CollabServer } from './collab/CollabServer.js';
import { liveDocumentsOver } from './collab/liveDocuments.js';
import { RoomManager } from './collab/RoomManager.js';
import { ThreadAnchorTracker } from './collab/ThreadAnchorTracker.js';
import { VersionRecorder } from './collab/VersionRecorder.js';
import { createHttpApp } from './http/app.js';
import { createSocketServer } from './realtime/socketServer.js';
import type { ServiceContext } from './services/context.js';
import { DueReminderScheduler } from './services/reviews/dueReminders.js';

export interface RunningServer {
  server: Server;
  port: number;
  collab: CollabServer;
  close(): Promise<void>;
}

/** Everything on one HTTP server: REST under /api, socket.io, the collaboration endpoint and the built client. */
export async function startServer(
  config: Config,
  ctx: ServiceContext,
  logger: Logger,
): Promise<RunningServer> {
  const rooms = new RoomManager(ctx.store.documentState, logger);
  const anchors = new ThreadAnchorTracker(ctx, rooms, logger);
  const versions = new VersionRecorder(ctx, rooms, logger);
  const live = liveDocumentsOver(rooms, ctx.store.documentState, versions);
  const reminders = new DueReminderScheduler(ctx, logger);
  const { app, sessionMiddleware } = createHttpApp(config, ctx, logger, live);
  const server = createServer(app);
  const io = createSocketServer(server, ctx, sessionMiddleware, {
    publicOrigin: config.publicOrigin,
    logger,
  });
  const collab = new CollabServer(ctx, sessionMiddleware, {
    publicOrigin: config.publicOrigin,
    logger,
    rooms,
  });
  collab.attach(server);

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(config.port, config.host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  reminders.start();

  return {
    server,
    port,
    collab,
    async close() {
      // Collaboration first: every accepted update is made durable before the process exits.
      await collab.close();
      await anchors.close();
      // After the rooms closed: their pending automatic versions were captured as they closed.
      await versions.close();
      await reminders.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
