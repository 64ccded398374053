import { presenceColor, type PresenceIdentity, type User } from '@polisee/domain';
import type { ServiceContext } from './context.js';

/**
 * How a user appears to the others in a live document: set by the server from the session,
 * never taken from the client. A user whose organisation cannot be read still appears, unnamed.
 */
export async function loadPresence(ctx: ServiceContext, user: User): Promise<PresenceIdentity> {
  const organisation = await ctx.store.organisations.get(user.organisationId);
  return {
    id: user.id,
    name: user.name,
    color: presenceColor(user.id),
    organisation: organisation?.name ?? '',
  };
}
