import type { PollView, WorkshopView } from '@polisee/contracts';
import { assertWorkshop } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { loadPollViews } from '../polls/pollViews.js';
import { getReadableWorkshop, toWorkshopView } from '../workshopAccess.js';
import type { LiveCaller } from './liveWorkshop.js';
import type { WorkshopRuntime } from './WorkshopRuntime.js';

/**
 * A connection joins a workshop's live session, in any status: before the start it waits in the
 * lobby (and a facilitator takes it live from there), after the end it reads the record. The
 * user's first connection opens a stay in the attendance while the workshop is live.
 *
 * `enter` puts the connection in the workshop's room. It runs under the workshop's lock, after
 * the checks: a refused connection hears nothing, and no change can fall between the state
 * this answers with and the broadcasts the connection receives from then on.
 */
export async function joinWorkshop(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  workshopId: string,
  enter: () => void,
): Promise<{ workshop: WorkshopView; polls: PollView[] }> {
  const userId = caller.actor.user.id;
  const { workshop, first } = await runtime.locks.run(workshopId, async () => {
    const workshop = await getReadableWorkshop(ctx, caller.actor, workshopId);
    assertWorkshop(caller.actor, 'workshop.join', workshop);
    const first = runtime.presence.connections(workshop.id, userId) === 0;
    if (first && workshop.status === 'live') {
      await ctx.store.workshops.recordJoin({
        workshopId: workshop.id,
        userId,
        joinedAt: ctx.now().toISOString(),
        leftAt: null,
      });
    }
    runtime.presence.join(workshop.id, userId, caller.connectionId);
    enter();
    return { workshop, first };
  });
  if (first) runtime.publishState(workshop.id);
  const [view, polls] = await Promise.all([
    toWorkshopView(ctx, workshop, runtime.presence.present(workshop.id)),
    loadPollViews(ctx, workshop.id, userId),
  ]);
  return { workshop: view, polls };
}
