import { assertWorkshop } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { assertLive, loadJoinedWorkshop, saveWorkshop, type LiveCaller } from './liveWorkshop.js';
import type { WorkshopRuntime } from './WorkshopRuntime.js';

/**
 * A participant raises their hand: they join the end of the queue. Raising it again (a double
 * click, a second tab) keeps their place rather than moving them back.
 */
export async function raiseHand(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  workshopId: string,
): Promise<void> {
  await runtime.locks.run(workshopId, async () => {
    const workshop = await loadJoinedWorkshop(ctx, runtime, caller, workshopId);
    assertWorkshop(caller.actor, 'workshop.raiseHand', workshop);
    assertLive(workshop);
    const userId = caller.actor.user.id;
    if (workshop.hands.some((h) => h.userId === userId)) return;
    await saveWorkshop(ctx, {
      ...workshop,
      hands: [...workshop.hands, { userId, raisedAt: ctx.now().toISOString() }],
    });
  });
}
