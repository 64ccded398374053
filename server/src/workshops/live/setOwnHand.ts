import { assertWorkshop } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import { withHandLowered, withHandRaised } from './hands.js';
import { assertLive, loadJoinedWorkshop, saveWorkshop, type LiveCaller } from './liveWorkshop.js';
import type { WorkshopRuntime } from './WorkshopRuntime.js';

/** A participant raises or lowers their own hand (`workshop:hand`). */
export async function setOwnHand(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  workshopId: string,
  raised: boolean,
): Promise<void> {
  await runtime.locks.run(workshopId, async () => {
    const workshop = await loadJoinedWorkshop(ctx, runtime, caller, workshopId);
    // Lowering one's own hand is always allowed: it is how a participant takes back a request.
    if (raised) assertWorkshop(caller.actor, 'workshop.raiseHand', workshop);
    assertLive(workshop);
    const userId = caller.actor.user.id;
    const hands = raised
      ? withHandRaised(workshop.hands, userId, ctx.now().toISOString())
      : withHandLowered(workshop.hands, userId);
    if (hands) await saveWorkshop(ctx, { ...workshop, hands });
  });
}
