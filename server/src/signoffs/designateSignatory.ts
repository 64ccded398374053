import { AppError } from '@polisee/domain';
import type { SignatoryView } from '@polisee/contracts';
import { canOnSignoff, forbidden } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { listSignatories } from './listSignatories.js';

/**
 * Names who signs for an organisation in a working group, or nobody (`userId` null). The lead
 * or an admin names them (decision 0065); the signatory must be a member of the group from that
 * very organisation: nobody signs for a partner they do not belong to.
 */
export async function designateSignatory(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  input: { workingGroupId: string; organisationId: string; userId: string | null },
): Promise<SignatoryView[]> {
  const { workingGroupId, organisationId, userId } = input;
  if (!(await ctx.store.workingGroups.get(workingGroupId))) {
    throw new AppError('not_found', 'No such working group.');
  }
  if (!canOnSignoff(actor, 'signoff.designate', workingGroupId)) {
    throw forbidden('Only the working group’s lead names signatories.');
  }
  if (!(await ctx.store.organisations.get(organisationId))) {
    throw new AppError('not_found', 'No such organisation.');
  }
  if (userId === null) {
    await ctx.store.signoffs.clearSignatory(workingGroupId, organisationId);
  } else {
    const [user, memberships] = await Promise.all([
      ctx.store.users.get(userId),
      ctx.store.memberships.listForUser(userId),
    ]);
    const member = memberships.some((m) => m.workingGroupId === workingGroupId);
    if (!user || !member || user.organisationId !== organisationId) {
      throw new AppError(
        'validation_failed',
        'Invalid body: userId: not a member of the group from this organisation',
        [
          {
            path: 'userId',
            code: 'invalid_value',
            message: 'not a member of the group from this organisation',
          },
        ],
      );
    }
    await ctx.store.signoffs.setSignatory({
      workingGroupId,
      organisationId,
      userId,
      setBy: actor.user.id,
      setAt: ctx.now().toISOString(),
    });
  }
  return listSignatories(ctx, actor, workingGroupId);
}
