import type { ServiceContext } from '../../services/context.js';
import { assertLive, loadJoinedWorkshop, saveWorkshop, type LiveCaller } from './liveWorkshop.js';
import type { WorkshopRuntime } from './WorkshopRuntime.js';

/** A participant lowers their own hand; lowering one that is not raised changes nothing. */
export async function lowerOwnHand(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  workshopId: string,
): Promise<void> {
  await runtime.locks.run(workshopId, async () => {
    const workshop = await loadJoinedWorkshop(ctx, runtime, caller, workshopId);
    assertLive(workshop);
    const userId = caller.actor.user.id;
    if (!workshop.hands.some((h) => h.userId === userId)) return;
    await saveWorkshop(ctx, {
      ...workshop,
      hands: workshop.hands.filter((h) => h.userId !== userId),
    });
  });
}
