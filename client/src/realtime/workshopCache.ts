import type { PollList, PollView, WorkshopOutcomeList, WorkshopView } from '@polisee/contracts';
import type { WorkshopOutcome } from '@polisee/domain';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queryKeys';

/*
 * The live workshop's messages written into the same cache entries the REST hooks read
 * (api/workshops.ts), so the page has one source whichever way a change arrived.
 */

/**
 * The newer of two views of a workshop, by the server's clock when each was sent: a REST answer
 * that left before a broadcast must not undo it.
 */
export function newerWorkshop(current: WorkshopView | undefined, next: WorkshopView): WorkshopView {
  if (!current) return next;
  return Date.parse(next.serverNow) >= Date.parse(current.serverNow) ? next : current;
}

/**
 * A poll as the server now has it, into the list. A broadcast never carries anyone's ballot
 * (`yourBallot` is null in it), so the reader's own ballot is kept from what we had, unless the
 * message is an answer addressed to us (`own`), which carries it.
 */
export function upsertPoll(items: readonly PollView[], poll: PollView, own: boolean): PollView[] {
  const index = items.findIndex((p) => p.id === poll.id);
  if (index === -1) return [...items, poll];
  const current = items[index]!;
  const next = items.slice();
  next[index] = own ? poll : { ...poll, yourBallot: current.yourBallot };
  return next;
}

export function upsertOutcome(
  items: readonly WorkshopOutcome[],
  outcome: WorkshopOutcome,
): WorkshopOutcome[] {
  return items.some((o) => o.id === outcome.id) ? [...items] : [...items, outcome];
}

export function writeWorkshop(queryClient: QueryClient, workshop: WorkshopView) {
  queryClient.setQueryData<WorkshopView>(queryKeys.workshops.detail(workshop.id), (current) =>
    newerWorkshop(current, workshop),
  );
}

export function writePolls(queryClient: QueryClient, workshopId: string, polls: PollView[]) {
  queryClient.setQueryData<PollList>(queryKeys.workshops.polls(workshopId), { items: polls });
}

export function writePoll(queryClient: QueryClient, poll: PollView, own: boolean) {
  const key = queryKeys.workshops.polls(poll.workshopId);
  if (!queryClient.getQueryData(key)) {
    // Nothing cached yet: fetch the whole list rather than show one poll as if it were all.
    void queryClient.invalidateQueries({ queryKey: key });
    return;
  }
  queryClient.setQueryData<PollList>(key, (list) =>
    list ? { items: upsertPoll(list.items, poll, own) } : list,
  );
}

export function writeOutcome(queryClient: QueryClient, outcome: WorkshopOutcome) {
  const key = queryKeys.workshops.outcomes(outcome.workshopId);
  if (!queryClient.getQueryData(key)) return void queryClient.invalidateQueries({ queryKey: key });
  queryClient.setQueryData<WorkshopOutcomeList>(key, (list) =>
    list ? { items: upsertOutcome(list.items, outcome) } : list,
  );
}
