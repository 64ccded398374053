import type { WorkshopView } from '@polisee/contracts';

/** Workshops as a list shows them: what is live, what comes next, what is over. */
export interface WorkshopGroups<W> {
  live: W[];
  upcoming: W[];
  ended: W[];
}

type Listed = Pick<WorkshopView, 'status' | 'startsAt'>;

/**
 * Live ones first; upcoming soonest first (the next one is what the reader needs); ended ones
 * latest first. The status is the server's, not the clock's: a workshop past its start time
 * stays upcoming until a facilitator opens it.
 */
export function groupWorkshops<W extends Listed>(workshops: readonly W[]): WorkshopGroups<W> {
  const by = (status: Listed['status']) => workshops.filter((w) => w.status === status);
  const soonest = (a: W, b: W) => Date.parse(a.startsAt) - Date.parse(b.startsAt);
  return {
    live: by('live').sort(soonest),
    upcoming: by('scheduled').sort(soonest),
    ended: by('ended').sort((a, b) => soonest(b, a)),
  };
}
