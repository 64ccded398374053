import {
  AppError,
  type Membership,
  type Organisation,
  type User,
  type WorkingGroup,
} from '@polisee/domain';
import type {
  CreateOrganisationRequest,
  CreateWorkingGroupRequestSchema,
  Member,
  SetMembershipRequest,
  UpdateWorkingGroupRequest,
  WorkingGroupSummary,
} from '@polisee/contracts';
import type { z } from 'zod';
import {
  assertWorkingGroup,
  assertWorkspace,
  readableWorkingGroupIds,
  roleIn,
} from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import type { AuthenticatedActor } from './loadActor.js';

/**
 * Workspace administration use cases: organisations, working groups and memberships.
 * Each is small; they share this file because they share their guard (workspace admin).
 */

export function listOrganisations(ctx: ServiceContext): Promise<Organisation[]> {
  return ctx.store.organisations.list();
}

export async function createOrganisation(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  req: CreateOrganisationRequest,
): Promise<Organisation> {
  assertWorkspace(actor, 'workspace.administer');
  const org: Organisation = { id: ctx.newId(), ...req };
  await ctx.store.organisations.create(org);
  return org;
}

/** Admins see everyone; others see the people they work with (members of their working groups). */
export async function listUsers(ctx: ServiceContext, actor: AuthenticatedActor): Promise<User[]> {
  const all = await ctx.store.users.list();
  const groups = readableWorkingGroupIds(actor);
  if (!groups) return all;
  const visible = new Set<string>([actor.user.id]);
  for (const groupId of groups) {
    for (const m of await ctx.store.memberships.listForGroup(groupId)) visible.add(m.userId);
  }
  return all.filter((u) => visible.has(u.id));
}

export async function listWorkingGroups(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
): Promise<WorkingGroupSummary[]> {
  const [groups, counts] = await Promise.all([
    ctx.store.workingGroups.list(),
    ctx.store.memberships.countByGroup(),
  ]);
  const readable = readableWorkingGroupIds(actor);
  return groups
    .filter((g) => !readable || readable.includes(g.id))
    .map((g) => ({ ...g, myRole: roleIn(actor, g.id), memberCount: counts.get(g.id) ?? 0 }));
}

export async function createWorkingGroup(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  req: z.output<typeof CreateWorkingGroupRequestSchema>,
): Promise<WorkingGroup> {
  assertWorkspace(actor, 'workspace.administer');
  const group: WorkingGroup = { id: ctx.newId(), ...req };
  await ctx.store.workingGroups.create(group);
  return group;
}

async function requireGroup(ctx: ServiceContext, id: string): Promise<WorkingGroup> {
  const group = await ctx.store.workingGroups.get(id);
  if (!group) throw new AppError('not_found', 'No such working group.');
  return group;
}

export async function updateWorkingGroup(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  id: string,
  req: UpdateWorkingGroupRequest,
): Promise<WorkingGroup> {
  assertWorkspace(actor, 'workspace.administer');
  await requireGroup(ctx, id);
  await ctx.store.workingGroups.update(id, req);
  return requireGroup(ctx, id);
}

export async function listMembers(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  workingGroupId: string,
): Promise<Member[]> {
  await requireGroup(ctx, workingGroupId);
  assertWorkingGroup(actor, 'workingGroup.read', workingGroupId);
  const memberships = await ctx.store.memberships.listForGroup(workingGroupId);
  const users = new Map((await ctx.store.users.list()).map((u) => [u.id, u]));
  return memberships.flatMap((m) => {
    const u = users.get(m.userId);
    return u
      ? [
          {
            user: { id: u.id, name: u.name, email: u.email, organisationId: u.organisationId },
            role: m.role,
          },
        ]
      : [];
  });
}

export async function setMembership(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  workingGroupId: string,
  userId: string,
  req: SetMembershipRequest,
): Promise<Membership> {
  assertWorkspace(actor, 'workspace.administer');
  await requireGroup(ctx, workingGroupId);
  if (!(await ctx.store.users.get(userId))) throw new AppError('not_found', 'No such user.');
  const membership: Membership = { userId, workingGroupId, role: req.role };
  await ctx.store.memberships.set(membership);
  ctx.events.emit('membershipChanged', {
    userId,
    workingGroupId,
    by: actor.user.id,
    role: req.role,
  });
  return membership;
}

export async function removeMembership(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  workingGroupId: string,
  userId: string,
): Promise<void> {
  assertWorkspace(actor, 'workspace.administer');
  await requireGroup(ctx, workingGroupId);
  await ctx.store.memberships.remove(userId, workingGroupId);
  ctx.events.emit('membershipChanged', {
    userId,
    workingGroupId,
    by: actor.user.id,
    role: null,
  });
}
