import type { SessionInfo, WorkshopView } from '@polisee/contracts';
import { canOnWorkshop, type WorkshopAction } from '@polisee/policy';

/**
 * What the live page offers to whom: the server's own rules from `@polisee/policy`, so a control
 * shown is one the server allows (it still decides every event).
 */
export function mayOnWorkshop(
  session: SessionInfo,
  action: WorkshopAction,
  workshop: WorkshopView,
) {
  return canOnWorkshop(session, action, workshop);
}

/** The reader's name for someone the workshop names; their id if the view does not name them. */
export function personOf(workshop: WorkshopView, userId: string) {
  return workshop.people.find((p) => p.id === userId) ?? null;
}
