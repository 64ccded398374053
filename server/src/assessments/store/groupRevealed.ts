import type { AssessmentRound, AssessmentScore } from '@polisee/domain';
import type { RevealedRound } from './port.js';

/**
 * Each revealed round with its matrix's scores up to its round. Both lists are ordered by
 * document and matrix; shared by the adapters so that they group alike.
 */
export function groupRevealed(
  rounds: AssessmentRound[],
  scores: AssessmentScore[],
): RevealedRound[] {
  const byMatrix = new Map<string, AssessmentScore[]>();
  for (const s of scores) {
    const key = `${s.documentId}\u0000${s.matrixId}`;
    const list = byMatrix.get(key) ?? [];
    list.push(s);
    byMatrix.set(key, list);
  }
  return rounds.map((round) => ({
    round,
    scores: (byMatrix.get(`${round.documentId}\u0000${round.matrixId}`) ?? []).filter(
      (s) => s.round <= round.round,
    ),
  }));
}
