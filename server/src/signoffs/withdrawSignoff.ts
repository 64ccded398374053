import { AppError, signoffStatus } from '@polisee/domain';
import type { SignoffView } from '@polisee/contracts';
import { canOnSignoff, forbidden } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { lapseChangedSignoffs } from './lapseSignoffs.js';
import { announceSignoff, getReadableSignoff } from './signoffViews.js';

/**
 * The lead withdraws a pending request (decision 0065). A request signed off or objected is an
 * outcome the partners stated and stays on record; it ends only by lapsing when the text moves.
 */
export async function withdrawSignoff(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  requestId: string,
): Promise<SignoffView> {
  const { request, doc } = await getReadableSignoff(ctx, actor, requestId);
  if (!canOnSignoff(actor, 'signoff.withdraw', doc.workingGroupId, doc)) {
    throw forbidden('Only the working group’s lead withdraws a sign-off request.');
  }
  const [current] = await lapseChangedSignoffs(ctx, live, doc, [request]);
  if (signoffStatus(current!) !== 'pending') {
    throw new AppError('conflict', 'Only a pending sign-off request can be withdrawn.');
  }
  if (!(await ctx.store.signoffs.withdraw(request.id, actor.user.id, ctx.now().toISOString()))) {
    throw new AppError('conflict', 'Only a pending sign-off request can be withdrawn.');
  }
  return announceSignoff(ctx, live, actor, request.id);
}
