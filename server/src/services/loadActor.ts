import { AppError, type User } from '@polisee/domain';
import type { SessionInfo } from '@polisee/contracts';
import type { Actor } from '../policies/policy.js';
import { publicUser } from '../store/publicUser.js';
import type { ServiceContext } from './context.js';

export interface AuthenticatedActor extends Actor {
  user: User;
}

/** The signed-in user and their memberships, loaded fresh per request so role changes apply at once. */
export async function loadActor(
  ctx: ServiceContext,
  userId: string,
): Promise<AuthenticatedActor | null> {
  const stored = await ctx.store.users.get(userId);
  if (!stored || stored.passwordHash === null) return null;
  const [memberships, guestOf] = await Promise.all([
    ctx.store.memberships.listForUser(userId),
    ctx.store.workshops.listGuestOf(userId),
  ]);
  const guestDocumentIds = [...new Set(guestOf.flatMap((w) => w.documentIds))];
  return { user: publicUser(stored), memberships, guestDocumentIds };
}

export async function getSessionInfo(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
): Promise<SessionInfo> {
  const organisation = await ctx.store.organisations.get(actor.user.organisationId);
  if (!organisation) throw new AppError('internal', 'The user has no organisation.');
  return {
    user: actor.user,
    organisation,
    memberships: actor.memberships,
    guestDocumentIds: [...(actor.guestDocumentIds ?? [])],
  };
}
