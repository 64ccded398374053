import type { SessionInfo } from '@polisee/contracts';

/** Changes exactly when the socket must reconnect: another user, or other working groups. */
export function connectionKeyOf(session: SessionInfo | null | undefined): string | null {
  if (!session) return null;
  const groups = session.memberships.map((m) => m.workingGroupId).sort();
  return `${session.user.id}|${session.user.isAdmin ? 'admin' : ''}|${groups.join(',')}`;
}
