import type { ExportedAssessment } from '../../store/ports.js';
import type { AssessmentRepo, MatrixKey } from './port.js';

/**
 * A matrix's rounds and scores, read and written through the port alone: both adapters'
 * `exportAll` use `exportAssessment`, and store:copy writes with `importAssessment`, so what is
 * exported is exactly what the port returns, and what is imported reads back equal.
 */

export async function exportAssessment(
  repo: AssessmentRepo,
  key: MatrixKey,
): Promise<ExportedAssessment> {
  return {
    documentId: key.documentId,
    matrixId: key.matrixId,
    rounds: await repo.listRounds(key.documentId, key.matrixId),
    scores: await repo.listScores(key.documentId, key.matrixId),
  };
}

/** Writes an exported matrix into an empty store as it was: a revealed round stays revealed. */
export async function importAssessment(repo: AssessmentRepo, a: ExportedAssessment): Promise<void> {
  for (const round of a.rounds) await repo.createRound(round);
  for (const score of a.scores) await repo.putScore(score);
}
