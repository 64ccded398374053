import { AppError } from '@polisee/domain';
import type { SignatoryView } from '@polisee/contracts';
import { canOnSignoff, forbidden, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { groupOrganisations } from './groupOrganisations.js';

/** Each organisation of the group with its signatory, or nobody ("no signatory"). */
export async function listSignatories(
  ctx: ServiceContext,
  actor: Actor,
  workingGroupId: string,
): Promise<SignatoryView[]> {
  if (!(await ctx.store.workingGroups.get(workingGroupId))) {
    throw new AppError('not_found', 'No such working group.');
  }
  if (!canOnSignoff(actor, 'signoff.read', workingGroupId)) throw forbidden();
  const [organisations, signatories, users] = await Promise.all([
    groupOrganisations(ctx, workingGroupId),
    ctx.store.signoffs.listSignatories(workingGroupId),
    ctx.store.users.list(),
  ]);
  return organisations.map(({ organisation }) => {
    const signatory = signatories.find((s) => s.organisationId === organisation.id) ?? null;
    return {
      organisationId: organisation.id,
      organisationName: organisation.name,
      signatory,
      signatoryName: signatory
        ? (users.find((u) => u.id === signatory.userId)?.name ?? null)
        : null,
    };
  });
}
