import { AppError, DEFAULT_LANGUAGE } from '@polisee/domain';
import type { AcceptInvitationRequest, InvitationPreview } from '@polisee/contracts';
import type { StoredInvitation } from '../store/ports.js';
import type { ServiceContext } from './context.js';
import { hashInvitationToken } from './inviteUser.js';
import { loadActor, type AuthenticatedActor } from './loadActor.js';
import { assertStrongPasswordFor } from './passwordPolicy.js';
import { hashPassword } from './passwords.js';
import { recordActivity } from './recordActivity.js';

const invalid = () =>
  new AppError('invitation_invalid', 'This invitation link is no longer valid.');

async function findUsable(ctx: ServiceContext, token: string): Promise<StoredInvitation> {
  const inv = await ctx.store.invitations.getByTokenHash(hashInvitationToken(token));
  if (!inv || inv.acceptedAt !== null || inv.expiresAt <= ctx.now().toISOString()) throw invalid();
  return inv;
}

export async function previewInvitation(
  ctx: ServiceContext,
  token: string,
): Promise<InvitationPreview> {
  const inv = await findUsable(ctx, token);
  const org = await ctx.store.organisations.get(inv.organisationId);
  return { email: inv.email, organisationName: org?.name ?? '', expiresAt: inv.expiresAt };
}

/** Uses the invitation exactly once (the store decides a race) and creates its account with it. */
export async function acceptInvitation(
  ctx: ServiceContext,
  token: string,
  req: AcceptInvitationRequest,
): Promise<AuthenticatedActor> {
  const inv = await findUsable(ctx, token);
  await assertStrongPasswordFor(ctx, req.password, {
    email: inv.email,
    name: req.name,
    organisationId: inv.organisationId,
  });
  const passwordHash = await hashPassword(req.password);
  const now = ctx.now().toISOString();
  const userId = ctx.newId();
  // Checks above, use below: the store marks the invitation used in the same step that creates
  // the account, so an accept that fails (email taken: 409) leaves it usable (finding 12).
  const accepted = await ctx.store.invitations.accept(inv.id, now, {
    user: {
      id: userId,
      email: inv.email,
      name: req.name,
      organisationId: inv.organisationId,
      isAdmin: inv.isAdmin,
      language: DEFAULT_LANGUAGE,
      passwordHash,
      createdAt: now,
    },
    membership: inv.membership ? { userId, ...inv.membership } : null,
  });
  if (!accepted) throw invalid();
  if (inv.membership) {
    ctx.events.emit('membershipChanged', { userId, workingGroupId: inv.membership.workingGroupId });
  }
  const actor = await loadActor(ctx, userId);
  if (!actor) throw new AppError('internal', 'The new account could not be loaded.');
  await recordActivity(ctx, {
    type: 'member_joined',
    actor: actor.user,
    workingGroupId: inv.membership?.workingGroupId ?? null,
  });
  return actor;
}
