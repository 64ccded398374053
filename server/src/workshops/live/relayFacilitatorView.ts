import type { DocumentPlace } from '@polisee/contracts';
import { assertWorkshop } from '../../policies/policy.js';
import type { ServiceContext } from '../../services/context.js';
import {
  assertLive,
  assertWorkshopDocument,
  loadJoinedWorkshop,
  type LiveCaller,
} from './liveWorkshop.js';
import type { WorkshopRuntime } from './WorkshopRuntime.js';

/**
 * A facilitator's place in the documents, relayed to the room for those who follow them.
 * Ephemeral: never stored, never written into a document.
 */
export async function relayFacilitatorView(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  workshopId: string,
  place: DocumentPlace,
): Promise<void> {
  const workshop = await loadJoinedWorkshop(ctx, runtime, caller, workshopId);
  assertWorkshop(caller.actor, 'workshop.facilitate', workshop);
  assertLive(workshop);
  assertWorkshopDocument(workshop, place.documentId);
  runtime.events.emit(
    'facilitatorView',
    { workshopId: workshop.id, place, by: caller.actor.user.id },
    caller.connectionId,
  );
}
