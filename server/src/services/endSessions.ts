import type { SessionEndReason } from '@polisee/contracts';
import type { ServiceContext } from './context.js';

/**
 * Ending sessions, in one place: the store forgets them first, then `sessionsEnded` tells the
 * live edges (socket.io, collaboration) to drop their connections on them at once. In that order,
 * so that an edge re-reading the store on the event finds the session gone.
 */

/** Signs out one session (the caller's own). */
export async function endSession(
  ctx: ServiceContext,
  session: { userId: string; sessionId: string },
): Promise<void> {
  await ctx.store.sessions.destroy(session.sessionId);
  ctx.events.emit('sessionsEnded', { ...session, reason: 'signed_out' });
}

/**
 * Ends every session of a user, except `exceptSessionId` when given: after a password change
 * (the session that changed it stays), or when the user loses access to the workspace.
 */
export async function endUserSessions(
  ctx: ServiceContext,
  userId: string,
  options: { reason: SessionEndReason; exceptSessionId?: string },
): Promise<void> {
  await ctx.store.sessions.destroyForUser(userId, options.exceptSessionId);
  ctx.events.emit('sessionsEnded', { userId, ...options });
}
