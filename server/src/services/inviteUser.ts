import { createHash, randomBytes } from 'node:crypto';
import { AppError } from '@polisee/domain';
import type { CreateInvitationRequestSchema, Invitation } from '@polisee/contracts';
import type { z } from 'zod';
import { assertWorkspace } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import type { AuthenticatedActor } from './loadActor.js';
import { recordActivity } from './recordActivity.js';

export const INVITATION_TTL_MS = 7 * 24 * 60 * 60 * 1000;

export function hashInvitationToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

/**
 * Creates a one-time invitation. The token is returned once, to the inviting admin, inside the
 * accept path; only its hash is stored, so a leaked database cannot be used to join.
 */
export async function inviteUser(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  req: z.output<typeof CreateInvitationRequestSchema>,
): Promise<{ invitation: Invitation; acceptPath: string }> {
  assertWorkspace(actor, 'workspace.administer');
  if (await ctx.store.users.getByEmail(req.email)) {
    throw new AppError('conflict', 'A user with this email already exists.');
  }
  if (!(await ctx.store.organisations.get(req.organisationId))) {
    throw new AppError('validation_failed', 'Unknown organisation.', [
      { path: 'organisationId', message: 'no such organisation' },
    ]);
  }
  if (req.membership && !(await ctx.store.workingGroups.get(req.membership.workingGroupId))) {
    throw new AppError('validation_failed', 'Unknown working group.', [
      { path: 'membership.workingGroupId', message: 'no such working group' },
    ]);
  }
  const token = randomBytes(32).toString('base64url');
  const now = ctx.now();
  const invitation: Invitation = {
    id: ctx.newId(),
    email: req.email,
    organisationId: req.organisationId,
    isAdmin: req.isAdmin,
    membership: req.membership ?? null,
    createdBy: actor.user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_TTL_MS).toISOString(),
    acceptedAt: null,
  };
  await ctx.store.invitations.create({ ...invitation, tokenHash: hashInvitationToken(token) });
  await recordActivity(ctx, {
    type: 'member_invited',
    actor: actor.user,
    workingGroupId: req.membership?.workingGroupId ?? null,
  });
  return { invitation, acceptPath: `/invite/${token}` };
}
