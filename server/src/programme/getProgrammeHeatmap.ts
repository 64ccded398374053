import {
  NO_PRIORITY,
  type ProgrammeCell,
  type ProgrammeFilter,
  type ProgrammeHeatmap,
  type ProgrammePriority,
} from '@polisee/contracts';
import { THEMATIC_PRIORITIES } from '@polisee/domain';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { forEachCounted } from './countedScores.js';
import { loadRevealed } from './loadRevealed.js';
import type { RoundTallies, RoundTally } from './roundTallies.js';

/** The heatmap's rows, then the rows without a priority, as indexes of a country's column. */
const PRIORITIES: readonly ProgrammePriority[] = [...THEMATIC_PRIORITIES, NO_PRIORITY];
const PRIORITY_INDEX = new Map<ProgrammePriority | null, number>([
  ...PRIORITIES.map((p, i) => [p, i] as const),
  [null, PRIORITIES.length - 1],
]);

/**
 * The programme heatmap for a reader: thematic priority × country over every revealed
 * assessment they may read. A reader of no group gets an empty heatmap, not an error: there is
 * simply nothing they may see.
 */
export async function getProgrammeHeatmap(
  ctx: ServiceContext,
  roundTallies: RoundTallies,
  actor: Actor,
  filter: ProgrammeFilter,
): Promise<ProgrammeHeatmap> {
  const { tallies, countryOf } = await loadRevealed(ctx, roundTallies, actor, filter);
  // One column of tallies per country, indexed by priority: no key built per entry.
  const columns = new Map<string, (Tally | undefined)[]>();
  const documents = new Set<string>();
  let matrices = 0;
  let scores = 0;
  let current: RoundTally['round'] | null = null;
  forEachCounted(tallies, { countryOf, criterion: filter.criterion }, (round, cell, country) => {
    if (round !== current) {
      current = round;
      matrices += 1;
      documents.add(round.documentId);
    }
    let column = columns.get(country);
    if (!column) {
      column = new Array<Tally | undefined>(PRIORITIES.length);
      columns.set(country, column);
    }
    const index = PRIORITY_INDEX.get(cell.row.priority)!;
    let tally = column[index];
    if (!tally) {
      tally = { sum: 0, scores: 0, documents: new Set(), lastRound: null };
      column[index] = tally;
    }
    tally.sum += cell.sum;
    tally.scores += cell.count;
    if (tally.lastRound !== round) {
      tally.lastRound = round;
      tally.documents.add(round.documentId);
    }
    scores += cell.count;
  });

  const countries = [...columns.keys()].sort(compare);
  const cells: ProgrammeCell[] = [];
  PRIORITIES.forEach((priority, index) => {
    for (const country of countries) {
      const t = columns.get(country)![index];
      if (t)
        cells.push({
          priority,
          country,
          mean: t.sum / t.scores,
          scores: t.scores,
          assessments: t.documents.size,
        });
    }
  });
  return {
    priorities: [...THEMATIC_PRIORITIES],
    countries,
    cells: cells.filter((c) => c.priority !== NO_PRIORITY),
    unprioritised: cells.filter((c) => c.priority === NO_PRIORITY),
    sources: { documents: documents.size, matrices, scores },
  };
}

interface Tally {
  sum: number;
  scores: number;
  /** Distinct documents; `lastRound` spares adding the same one for each cell of a matrix. */
  documents: Set<string>;
  lastRound: RoundTally['round'] | null;
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
