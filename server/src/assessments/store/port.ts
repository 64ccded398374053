import type {
  AssessmentRound,
  AssessmentRoundNumber,
  AssessmentScore,
  MatrixStructure,
} from '@polisee/domain';

/**
 * The assessments' store port: scores held per scorer, and the rounds of each matrix. Both
 * adapters (`sqliteAssessmentRepo.ts`, `mongoAssessmentRepo.ts`) implement it and pass
 * `assessmentContract.test.ts`. Each store exposes it as `store.assessments`.
 *
 * The port reads every score of a matrix only for a revealed round or for the services that
 * reveal: keeping scores private while scoring is the services' business, and they ask for a
 * scorer's own scores with `listScoresOf`.
 */
export interface AssessmentRepo {
  /** The matrix's stored rounds, round 1 first; empty while nothing happened. */
  listRounds(documentId: string, matrixId: string): Promise<AssessmentRound[]>;
  /**
   * Stores a round as given unless the matrix already has that round: false then, and nothing
   * changes (of two first scorers at once, one creates round 1).
   */
  createRound(round: AssessmentRound): Promise<boolean>;
  /**
   * Reveals a round that is scoring, with the matrix's structure at that moment. False when it
   * is not stored or was revealed already (of two revealers, one wins).
   */
  revealRound(
    key: MatrixKey & { round: AssessmentRoundNumber },
    reveal: { revealedAt: string; revealedBy: string; structure: MatrixStructure },
  ): Promise<boolean>;

  /** One score per scorer, round and cell: a second one replaces the first. */
  putScore(score: AssessmentScore): Promise<void>;
  /** Removes a scorer's score of a cell in a round; false when there was none. */
  deleteScore(key: ScoreKey): Promise<boolean>;
  /** Every score of the matrix (all rounds), ordered by round, user, row, criterion. */
  listScores(documentId: string, matrixId: string): Promise<AssessmentScore[]>;
  /** One scorer's scores of the matrix (all rounds), in the same order. */
  listScoresOf(documentId: string, matrixId: string, userId: string): Promise<AssessmentScore[]>;
  /** How many distinct users have a score in that round. */
  countScorers(documentId: string, matrixId: string, round: AssessmentRoundNumber): Promise<number>;

  /**
   * Every revealed round of these documents with the scores of its matrix (every round's, so
   * that round 2 can fall back on round 1), for programme-wide views: one call, no document
   * opened. Ordered by document, matrix, round.
   */
  listRevealed(documentIds: readonly string[]): Promise<RevealedRound[]>;
  /**
   * The same rounds without their scores: cheap enough for every request of the programme
   * view, which keeps what a revealed round's scores add up to (they never change once revealed)
   * and reads scores only for rounds it has not seen yet.
   */
  listRevealedRounds(documentIds: readonly string[]): Promise<AssessmentRound[]>;
  /** Every matrix that has a round or a score, ordered by document then matrix (exports). */
  listMatrices(): Promise<MatrixKey[]>;
}

export interface MatrixKey {
  documentId: string;
  matrixId: string;
}

export interface ScoreKey extends MatrixKey {
  round: AssessmentRoundNumber;
  userId: string;
  rowId: string;
  criterionId: string;
}

export interface RevealedRound {
  round: AssessmentRound;
  /** The matrix's scores of round 1 and (for round 2) of round 2, ordered as `listScores`. */
  scores: AssessmentScore[];
}
