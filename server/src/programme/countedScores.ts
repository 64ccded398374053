import type { ProgrammeFilter } from '@polisee/contracts';
import type { AssessmentRound } from '@polisee/domain';
import type { RoundTally, TallyCell } from './roundTallies.js';

/**
 * Which scores the programme view counts, and where: each matrix with its latest revealed round
 * (round 2 once revealed, else round 1; only revealed rounds are ever tallied, so a round still
 * scoring never counts), each scorer's effective score of a cell the round's structure holds
 * (`tallyRound`), under the row's priority and the scorer's organisation's country.
 */

export interface CountingOptions {
  /** An organisation's country; scores of an organisation it does not know are left out. */
  countryOf: ReadonlyMap<string, string>;
  /** Only the columns of this DAC criterion; undefined: every column. */
  criterion?: ProgrammeFilter['criterion'];
}

/**
 * Calls `visit` for every counted tally. Plain loops that allocate nothing per entry: over 500
 * assessments they run over ~100,000 tallies on every request.
 */
export function forEachCounted(
  tallies: readonly RoundTally[],
  options: CountingOptions,
  visit: (round: RoundTally['round'], cell: TallyCell, country: string) => void,
): void {
  const { countryOf, criterion } = options;
  for (const { round, cells } of tallies) {
    for (const cell of cells) {
      if (criterion !== undefined && cell.criterion.dac !== criterion) continue;
      const country = countryOf.get(cell.organisationId);
      if (country !== undefined) visit(round, cell, country);
    }
  }
}

/** Each matrix's last revealed round (of the revealed rounds the store lists). */
export function latestRounds(revealed: readonly AssessmentRound[]): AssessmentRound[] {
  const byMatrix = new Map<string, AssessmentRound>();
  for (const r of revealed) {
    const key = `${r.documentId}\u0000${r.matrixId}`;
    const held = byMatrix.get(key);
    if (!held || r.round > held.round) byMatrix.set(key, r);
  }
  return [...byMatrix.values()];
}
