import type { ServiceContext } from '../../services/context.js';
import type { WorkshopRuntime } from './WorkshopRuntime.js';

/**
 * A connection leaves a workshop (asked to, or disconnected). The user's last connection ends
 * their stay. No access check: leaving is always allowed, and a disconnect has no session left
 * to check. `exit` takes the connection out of the room.
 */
export async function leaveWorkshop(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  userId: string,
  connectionId: string,
  workshopId: string,
  exit: () => void = () => {},
): Promise<void> {
  exit();
  // Shutting down: the runtime closed every stay at the shutdown's time already.
  if (runtime.isClosing) return;
  const last = await runtime.locks.run(workshopId, async () => {
    if (!runtime.presence.isJoined(workshopId, userId, connectionId)) return false;
    const last = runtime.presence.leave(workshopId, userId, connectionId);
    if (last) await ctx.store.workshops.recordLeave(workshopId, userId, ctx.now().toISOString());
    return last;
  });
  if (last) runtime.publishState(workshopId);
}
