import type { Workshop } from '@polisee/domain';
import type { ExportedWorkshop } from '../../store/ports.js';
import type { WorkshopRepo } from './port.js';

/**
 * A workshop with everything that belongs only to it, read and written through the port alone:
 * both adapters' `exportAll` use `exportWorkshop`, and store:copy writes with `importWorkshop`,
 * so what is exported is exactly what the port returns, and what is imported reads back equal.
 */

export async function exportWorkshop(
  repo: WorkshopRepo,
  workshop: Workshop,
): Promise<ExportedWorkshop> {
  const polls: ExportedWorkshop['polls'] = [];
  // One poll at a time: a plenary's ballots never all sit in memory at once with the others'.
  for (const poll of await repo.listPolls(workshop.id)) {
    polls.push({ poll, ballots: await repo.listBallots(poll.id) });
  }
  return {
    workshop,
    polls,
    outcomes: await repo.listOutcomes(workshop.id),
    attendance: await repo.listAttendance(workshop.id),
  };
}

/**
 * Writes an exported workshop into an empty store as it was: polls keep their status and
 * close time (a closed poll is created closed), stays keep their leave time.
 */
export async function importWorkshop(repo: WorkshopRepo, w: ExportedWorkshop): Promise<void> {
  await repo.create(w.workshop);
  for (const { poll, ballots } of w.polls) {
    await repo.createPoll(poll);
    for (const ballot of ballots) await repo.castBallot(ballot);
  }
  for (const outcome of w.outcomes) await repo.addOutcome(outcome);
  for (const stay of w.attendance) await repo.recordJoin(stay);
}
