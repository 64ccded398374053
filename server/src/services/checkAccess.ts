import type { SessionEndReason } from '@polisee/contracts';
import type { PoliDocument, Workshop } from '@polisee/domain';
import { canOnWorkshop, type Actor } from '../policies/policy.js';
import type { SessionRecord } from '../store/ports.js';
import type { ServiceContext } from './context.js';
import { documentAccess, type DocumentAccess } from './documents.js';
import { loadActor, type AuthenticatedActor } from './loadActor.js';

/**
 * One pass of access checks over live connections (socket.io and the collaboration endpoint
 * alike). Each session, user and document is read once per pass, however many tabs and
 * documents share it: a pass over 1,000 connections of 30 users used to make 1,000 session
 * queries every 3 s. Start a new pass for every recheck, so that nothing stale is reused.
 */
export class AccessCheck {
  private readonly sessions = new Map<string, Promise<SessionRecord | null>>();
  private readonly actors = new Map<string, Promise<AuthenticatedActor | null>>();
  private readonly docs = new Map<string, Promise<PoliDocument | null>>();
  private readonly workshops = new Map<string, Promise<Workshop | null>>();

  constructor(
    private readonly ctx: ServiceContext,
    private readonly now = Date.now(),
  ) {}

  /**
   * The actor behind a session as of now, or why the session is over. Connections ask this
   * before every request: the store is the truth, whatever events may still be on their way.
   */
  async sessionActor(
    sessionId: string,
    userId: string,
  ): Promise<AuthenticatedActor | SessionEndReason> {
    const session = await memo(this.sessions, sessionId, () =>
      this.ctx.store.sessions.get(sessionId, this.now),
    );
    if (!session || session.userId !== userId) return 'expired';
    const actor = await memo(this.actors, userId, () => loadActor(this.ctx, userId));
    return actor ?? 'access_removed';
  }

  /** What the actor may do with the document now (see `documentAccess`). */
  async documentAccess(actor: Actor, documentId: string): Promise<DocumentAccess> {
    const doc = await memo(this.docs, documentId, () => this.ctx.store.documents.get(documentId));
    return documentAccess(actor, doc);
  }

  /** Whether the actor may still see the workshop (a guest uninvited, a member removed: no). */
  async workshopReadable(actor: Actor, workshopId: string): Promise<boolean> {
    const workshop = await memo(this.workshops, workshopId, () =>
      this.ctx.store.workshops.get(workshopId),
    );
    return workshop !== null && canOnWorkshop(actor, 'workshop.read', workshop);
  }
}

/** Starts a pass of access checks (see AccessCheck). */
export function checkAccess(ctx: ServiceContext): AccessCheck {
  return new AccessCheck(ctx);
}

function memo<T>(map: Map<string, T>, key: string, make: () => T): T {
  if (!map.has(key)) map.set(key, make());
  return map.get(key)!;
}
