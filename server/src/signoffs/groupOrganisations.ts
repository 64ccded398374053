import type { Organisation, User } from '@polisee/domain';
import type { ServiceContext } from '../services/context.js';

/**
 * A working group's organisations are those of its members (decision 0065): the group keeps no
 * list of its own, so a partner joins the sign-off when one of its people joins the group.
 * Returned with the members of each, ordered by organisation name.
 */
export async function groupOrganisations(
  ctx: ServiceContext,
  workingGroupId: string,
): Promise<{ organisation: Organisation; members: User[] }[]> {
  const [memberships, users, organisations] = await Promise.all([
    ctx.store.memberships.listForGroup(workingGroupId),
    ctx.store.users.list(),
    ctx.store.organisations.list(),
  ]);
  const memberIds = new Set(memberships.map((m) => m.userId));
  const members = users.filter((u) => memberIds.has(u.id));
  return organisations
    .map((organisation) => ({
      organisation,
      members: members.filter((u) => u.organisationId === organisation.id),
    }))
    .filter((o) => o.members.length > 0)
    .sort((a, b) => a.organisation.name.localeCompare(b.organisation.name));
}
