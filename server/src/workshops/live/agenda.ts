import { WORKSHOP_ERRORS } from '@polisee/contracts';
import type { Workshop } from '@polisee/domain';
import { workshopError } from './workshopErrors.js';

/**
 * The time spent on the current item since it was entered, added to its `spentSeconds`, and the
 * clock for it restarted at `now`. Rounded per visit: an item visited for 0.6 s counts 1 s.
 */
export function accountTimeSpent(workshop: Workshop, now: Date): Workshop {
  const index = workshop.currentItem;
  if (index === null || workshop.currentItemSince === null) return workshop;
  // A clock set back (NTP) must not subtract time already spent.
  const elapsedMs = Math.max(0, now.getTime() - Date.parse(workshop.currentItemSince));
  return {
    ...workshop,
    agenda: workshop.agenda.map((item, i) =>
      i === index
        ? { ...item, spentSeconds: item.spentSeconds + Math.round(elapsedMs / 1000) }
        : item,
    ),
    currentItemSince: now.toISOString(),
  };
}

/** Moves to the item at `index`, recording the time spent on the one left. */
export function moveToItem(workshop: Workshop, index: number, now: Date): Workshop {
  if (!Number.isInteger(index) || index < 0 || index >= workshop.agenda.length) {
    throw workshopError(WORKSHOP_ERRORS.noSuchItem, 'The agenda has no such item.');
  }
  return {
    ...accountTimeSpent(workshop, now),
    currentItem: index,
    currentItemSince: now.toISOString(),
  };
}

/** The index of an agenda item by id; refused when the agenda has none. */
export function itemIndex(workshop: Workshop, agendaItemId: string): number {
  const index = workshop.agenda.findIndex((item) => item.id === agendaItemId);
  if (index < 0) throw workshopError(WORKSHOP_ERRORS.noSuchItem, 'The agenda has no such item.');
  return index;
}
