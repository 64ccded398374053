import { createServer, type Server } from 'node:http';
import { COLLAB_PATH } from '@polisee/contracts';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { CollabServer } from './collab/CollabServer.js';
import { liveDocumentsOver } from './collab/liveDocuments.js';
import { RoomManager } from './collab/RoomManager.js';
import { createRoomRules } from './collab/roomRules.js';
import { ThreadAnchorTracker } from './collab/ThreadAnchorTracker.js';
import { VersionRecorder } from './collab/VersionRecorder.js';
import { startAuditLog } from './audit/startAuditLog.js';
import { ContributionLedger } from './attribution/ContributionLedger.js';
import { ChromiumPrinter } from './export/ChromiumPrinter.js';
import { createHttpApp } from './http/app.js';
import { createSocketServer } from './realtime/socketServer.js';
import { decodeRequestTarget } from './security/httpTarget.js';
import { inRequestScope } from './security/processGuard.js';
import { routeUpgrades } from './security/upgradeRouter.js';
import { SearchIndexer } from './search/SearchIndexer.js';
import type { ServiceContext } from './services/context.js';
import { createLimits } from './services/limits/createLimits.js';
import { DueReminderScheduler } from './services/reviews/dueReminders.js';
import { watchSignoffLapses } from './signoffs/lapseSignoffs.js';
import { WorkshopRuntime } from './workshops/live/WorkshopRuntime.js';

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
  // Every update a room stores marks its document for the search index (indexed after a debounce).
  const search = new SearchIndexer(ctx, logger);
  // Who wrote what, read from each member update as its room integrates it (decision 0069).
  const ledger = new ContributionLedger(ctx, logger);
  const rooms = new RoomManager(search.watchWrites(ctx.store.documentState), logger, {
    ...createRoomRules(config.maxDocumentBytes),
    witness: ledger.witness,
  });
  rooms.observe({ opened: () => undefined, closing: (room) => ledger.forget(room.documentId) });
  // The scale-out services are loaded only with REDIS_URL (see scaleout/index.ts).
  const redis = config.redisUrl
    ? { url: config.redisUrl, services: await import('./scaleout/index.js') }
    : null;
  // Before any room opens: every room of this process is then joined to its Redis stream.
  const scaleOut = redis
    ? await redis.services.startScaleOut(redis.url, rooms, ctx.store.documentState, logger)
    : null;
  // Several processes count sign-in failures and writes together; one process in its memory.
  const sharedLimiters = redis
    ? await redis.services.startSharedLimiterStore(redis.url, logger)
    : null;
  const limits = createLimits(config, sharedLimiters?.store);
  // A user's connections are capped across all processes, not per process.
  const caps =
    redis && scaleOut
      ? await redis.services.startSharedConnectionCaps(redis.url, scaleOut.processId, logger)
      : undefined;
  const anchors = new ThreadAnchorTracker(ctx, rooms, logger);
  const versions = new VersionRecorder(ctx, rooms, logger);
  const live = liveDocumentsOver(rooms, ctx.store.documentState, versions);
  search.readOpenDocumentsThrough(live);
  // A new version is a moment the text is known to have moved: sign-offs of it may lapse.
  const stopSignoffLapses = watchSignoffLapses(ctx, live);
  const reminders = new DueReminderScheduler(ctx, logger);
  const audit = startAuditLog(ctx, { retentionDays: config.auditRetentionDays });
  // Several processes: a start or a shutdown leaves the stays of others' live workshops alone.
  const workshopHosts =
    redis && scaleOut
      ? await redis.services.startRedisLiveWorkshopHosts(redis.url, scaleOut.processId, logger)
      : undefined;
  const workshops = new WorkshopRuntime(ctx, live, workshopHosts);
  // Before any connection: re-arms open polls' time limits, closes stays left open.
  await workshops.start();
  // Launched on the first PDF export only.
  const pdf = new ChromiumPrinter(config.pdfExport, logger);
  const { app, sessionMiddleware } = createHttpApp(
    config,
    ctx,
    logger,
    live,
    ctx.store.sessions,
    workshops.locks,
    pdf,
    limits,
  );
  const server = createServer();
  // Several processes: socket.io's events reach the clients of every process.
  const socketAdapter = redis ? await redis.services.startSocketAdapter(redis.url, logger) : null;
  const io = createSocketServer(server, ctx, sessionMiddleware, {
    publicOrigin: config.publicOrigin,
    logger,
    workshops,
    adapter: socketAdapter?.adapter,
    caps,
  });
  const collab = new CollabServer(ctx, sessionMiddleware, {
    publicOrigin: config.publicOrigin,
    logger,
    rooms,
    caps,
  });
  // socket.io hangs its own 'request' and 'upgrade' listeners on the server. They are replaced
  // by one router each, so that exactly one handler owns every request and upgrade, each runs
  // in a request scope (for the process guard's logs), and an upgrade to any other path is
  // refused at once instead of held open (security issue 11).
  server.removeAllListeners('request');
  server.removeAllListeners('upgrade');
  const socketIoPrefix = `${io.path()}/`;
  server.on('request', (req, res) =>
    inRequestScope(req, () => {
      // The Express app checks its own targets (rejectMalformedTargets); engine.io's are here.
      if (!req.url?.startsWith(socketIoPrefix)) return app(req, res);
      if (!decodeRequestTarget(req.url)) return void res.writeHead(400).end();
      io.engine.handleRequest(req, res);
    }),
  );
  routeUpgrades(
    server,
    [
      {
        prefix: socketIoPrefix,
        handle: (req, socket, head) => io.engine.handleUpgrade(req, socket, head),
      },
      {
        prefix: `${COLLAB_PATH}/`,
        handle: (req, socket, head, documentId) => collab.upgrade(req, socket, head, documentId),
      },
    ],
    logger,
  );

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
      // After the rooms closed: what their last updates did is in the ledger.
      await ledger.close();
      await scaleOut?.close();
      await anchors.close();
      stopSignoffLapses();
      // After the rooms closed: their pending automatic versions were captured as they closed.
      await versions.close();
      await reminders.close();
      // After the rooms and the reminders: what they recorded is stored (or logged) first.
      await audit.close();
      // After the rooms closed (their last writes marked), before the content reader it uses.
      await search.close();
      await ctx.contentReader.close();
      // Before the sockets close: stays end at the shutdown's time, not at the next start.
      await workshops.close();
      await new Promise<void>((resolve) => io.close(() => resolve()));
      // After socket.io closed: its adapter's reads and subscriptions stopped with it.
      await socketAdapter?.close();
      // After every connection ended: whatever slot is still held is freed for the others.
      await caps?.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      // After the server closed: no export is still printing.
      await pdf.close();
      // After the server closed: a request still answering may take a limit until then.
      await sharedLimiters?.close();
    },
  };
}
