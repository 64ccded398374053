import { THEMATIC_PRIORITIES, type ThematicPriority } from '@polisee/domain';
import { useRoomSubscription } from '../../realtime/useRoomSubscription';

/**
 * Joins the live room of every priority inbox while the inbox is open: the tabs show counts
 * for all six, and a thread changing anywhere must refresh them, not only the selected one.
 */
export function PriorityRooms() {
  return (
    <>
      {THEMATIC_PRIORITIES.map((priority) => (
        <PriorityRoom key={priority} priority={priority} />
      ))}
    </>
  );
}

function PriorityRoom({ priority }: { priority: ThematicPriority }) {
  useRoomSubscription('priority', priority);
  return null;
}
