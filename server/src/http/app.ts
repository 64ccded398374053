import { existsSync } from 'node:fs';
import path from 'node:path';
import express, { type Express, type RequestHandler } from 'express';
import session from 'express-session';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';
import type { Config } from '../config.js';
import type { PdfPrinter } from '../export/ChromiumPrinter.js';
import { rejectMalformedTargets } from '../security/httpTarget.js';
import type { ServiceContext } from '../services/context.js';
import { createLimits, type Limits } from '../services/limits/createLimits.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import type { SessionRepo } from '../store/ports.js';
import type { WorkshopLocks } from '../workshops/workshopLocks.js';
import { auditRefusals } from './middleware/auditRefusals.js';
import { loadSessionActor } from './middleware/auth.js';
import { requireSameOrigin } from './middleware/csrf.js';
import { errorHandler, notFoundHandler } from './middleware/errors.js';
import { securityHeaders } from './middleware/securityHeaders.js';
import { withAuditAddress } from '../audit/auditScope.js';
import { assessmentsRouter } from './routes/assessments.js';
import { attributionRouter } from './routes/attribution.js';
import { auditRouter } from './routes/audit.js';
import { authRouter } from './routes/auth.js';
import { blocksRouter } from './routes/blocks.js';
import { documentSectionsRouter } from './routes/documentSections.js';
import { documentsRouter } from './routes/documents.js';
import { exportRouter } from './routes/export.js';
import { invitationsRouter } from './routes/invitations.js';
import { notificationsRouter } from './routes/notifications.js';
import { programmeRouter } from './routes/programme.js';
import { knowledgeRouter } from './routes/knowledge.js';
import { reviewsRouter } from './routes/reviews.js';
import { signoffsRouter } from './routes/signoffs.js';
import { searchRouter } from './routes/search.js';
import { threadsRouter } from './routes/threads.js';
import { versionsRouter } from './routes/versions.js';
import { workspaceRouter } from './routes/workspace.js';
import { workshopPollsRouter } from './routes/workshopPolls.js';
import { workshopsRouter } from './routes/workshops.js';
import { PortSessionStore, SESSION_TTL_MS } from './sessionStore.js';

export const SESSION_COOKIE = 'polisee.sid';

/** JSON bodies of the REST API are small: metadata, never document content (that goes over Yjs). */
const JSON_BODY_LIMIT = '100kb';

export interface HttpApp {
  app: Express;
  /** The session middleware, reused by socket.io and the collaboration endpoint on upgrade. */
  sessionMiddleware: RequestHandler;
}

export function createHttpApp(
  config: Config,
  ctx: ServiceContext,
  logger: Logger,
  live: LiveDocuments,
  /** The store's sessions, handed over by the composition root: express-session reads them directly. */
  sessions: SessionRepo,
  /** The live workshops' per-workshop lock, so REST changes of a workshop queue with live ones. */
  workshopLocks: WorkshopLocks,
  /** Prints exports to PDF (one browser per process); the composition root closes it. */
  pdf: PdfPrinter,
  /** The abuse limits; the composition root passes Redis-backed ones when processes share them. */
  limits: Limits = createLimits(config),
): HttpApp {
  const app = express();
  app.disable('x-powered-by');
  // First, so that every answer carries them: pages, API, errors and refusals alike.
  app.use(securityHeaders(config.publicOrigin));
  app.set('trust proxy', config.trustProxy);
  // The audit log reads the client's address from here, as 'trust proxy' computes it.
  app.use((req, _res, next) => withAuditAddress(req.ip, next));
  // Before anything that decodes the URL (serve-static, route params), which would answer 500.
  app.use(rejectMalformedTargets);

  const sessionMiddleware = session({
    name: SESSION_COOKIE,
    secret: config.sessionSecret,
    store: new PortSessionStore(sessions),
    resave: false,
    saveUninitialized: false,
    rolling: true,
    cookie: {
      httpOnly: true,
      sameSite: 'lax',
      secure: config.publicOrigin?.startsWith('https:') ?? false,
      maxAge: SESSION_TTL_MS,
    },
  });

  const api = express.Router();
  api.use(pinoHttp({ logger, autoLogging: { ignore: (req) => req.url === '/api/health' } }));
  api.get('/health', (_req, res) => {
    res.json({ status: 'ok' });
  });
  api.use(requireSameOrigin(config.publicOrigin));
  api.use(express.json({ limit: JSON_BODY_LIMIT, strict: true }));
  api.use(sessionMiddleware);
  api.use(loadSessionActor(ctx));
  api.use(authRouter(ctx, { loginLimits: limits.login }));
  api.use(invitationsRouter(ctx, limits.writes));
  api.use(documentsRouter(ctx));
  api.use(workspaceRouter(ctx));
  api.use(threadsRouter(ctx, live, limits.writes));
  api.use(notificationsRouter(ctx));
  api.use(versionsRouter(ctx, live));
  api.use(reviewsRouter(ctx, live));
  api.use(signoffsRouter(ctx, live));
  api.use(workshopPollsRouter(ctx));
  api.use(documentSectionsRouter(ctx, live));
  api.use(assessmentsRouter(ctx, live));
  api.use(attributionRouter(ctx));
  api.use(blocksRouter(ctx, live));
  api.use(programmeRouter(ctx, live));
  api.use(knowledgeRouter(ctx));
  api.use(searchRouter(ctx));
  api.use(exportRouter(ctx, pdf));
  api.use(workshopsRouter(ctx, limits.writes, config.publicOrigin, workshopLocks));
  api.use(auditRouter(ctx));
  api.use(notFoundHandler);
  api.use(auditRefusals(ctx));
  api.use(errorHandler(logger));
  app.use('/api', api);

  const clientDist = config.clientDist;
  if (clientDist && existsSync(path.join(clientDist, 'index.html'))) {
    // Source maps would publish the client's sources: the build makes none (vite.config.ts),
    // and one left in dist by hand is still refused, rather than answered by the page below.
    app.use((req, res, next) => {
      if (isSourceMapPath(req.path)) notFoundHandler(req, res, next);
      else next();
    });
    app.use(express.static(clientDist, { index: false, maxAge: '1h' }));
    // Client-side routes (/documents/…, /invite/…) all load the single-page app.
    app.get(/^(?!\/(api|collab|socket\.io)\/).*/, (_req, res) => {
      res.sendFile(path.join(clientDist, 'index.html'));
    });
  }
  app.use(notFoundHandler);
  app.use(errorHandler(logger));
  return { app, sessionMiddleware };
}

/** Decoded first: serve-static decodes `%2e` too, so `/x.js%2emap` names `/x.js.map`. */
function isSourceMapPath(urlPath: string): boolean {
  try {
    return decodeURIComponent(urlPath).toLowerCase().endsWith('.map');
  } catch {
    return false; // serve-static cannot decode it into a file name either
  }
}
