import { randomUUID } from 'node:crypto';
import type { AssessmentRound, AssessmentScore } from '@polisee/domain';

/** Small factories for assessment tests: valid defaults, override what the test is about. */

export function buildAssessmentScore(
  over: Partial<AssessmentScore> & { documentId: string; userId: string; organisationId: string },
): AssessmentScore {
  return {
    matrixId: randomUUID(),
    round: 1,
    rowId: randomUUID(),
    criterionId: randomUUID(),
    score: 3,
    rationale: null,
    updatedAt: new Date().toISOString(),
    ...over,
  };
}

export function buildAssessmentRound(
  over: Partial<AssessmentRound> & { documentId: string; matrixId: string },
): AssessmentRound {
  return {
    round: 1,
    phase: 'scoring',
    startedAt: new Date().toISOString(),
    revealedAt: null,
    revealedBy: null,
    structure: null,
    ...over,
  };
}
