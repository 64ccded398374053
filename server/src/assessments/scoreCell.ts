import {
  ASSESSMENT_ERRORS,
  type AssessmentView,
  type PutAssessmentScoreRequestSchema,
} from '@polisee/contracts';
import type { z } from 'zod';
import type { AuthenticatedActor } from '../services/loadActor.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { assessmentError } from './assessmentErrors.js';
import { currentRound, loadAssessmentView } from './assessmentViews.js';
import { loadMatrixFor } from './matrixAccess.js';
import type { MatrixLocks } from './matrixLocks.js';

/**
 * A scorer scores one cell of the current round: an idempotent upsert of their own score. The
 * cell must be one of the matrix's rows × criteria as the document holds it now, and the round
 * must still be scoring — checked and written under the matrix's lock, so a score never lands
 * in a round being revealed. The answer carries the scorer's own scores and nobody else's.
 */
export async function scoreCell(
  ctx: ServiceContext,
  live: LiveDocuments,
  locks: MatrixLocks,
  actor: AuthenticatedActor,
  documentId: string,
  matrixId: string,
  input: z.output<typeof PutAssessmentScoreRequestSchema>,
): Promise<AssessmentView> {
  const { matrix } = await loadMatrixFor(
    ctx,
    live,
    actor,
    'assessment.score',
    documentId,
    matrixId,
  );
  if (
    !matrix.rows.some((r) => r.rowId === input.rowId) ||
    !matrix.criteria.some((c) => c.criterionId === input.criterionId)
  ) {
    throw assessmentError(ASSESSMENT_ERRORS.unknownCell, 'The matrix has no such cell.');
  }
  await locks.run(documentId, matrixId, async () => {
    const rounds = await ctx.store.assessments.listRounds(documentId, matrixId);
    const current = currentRound(rounds);
    if (current.phase !== 'scoring') {
      throw assessmentError(ASSESSMENT_ERRORS.notScoring, 'This round has been revealed.');
    }
    const now = ctx.now().toISOString();
    if (rounds.length === 0) {
      await ctx.store.assessments.createRound({
        documentId,
        matrixId,
        round: 1,
        phase: 'scoring',
        startedAt: now,
        revealedAt: null,
        revealedBy: null,
        structure: null,
      });
    }
    await ctx.store.assessments.putScore({
      documentId,
      matrixId,
      round: current.round,
      userId: actor.user.id,
      organisationId: actor.user.organisationId,
      rowId: input.rowId,
      criterionId: input.criterionId,
      score: input.score,
      rationale: input.rationale,
      updatedAt: now,
    });
  });
  ctx.events.emit('assessmentChanged', { documentId, matrixId });
  return loadAssessmentView(ctx, actor.user.id, documentId, matrixId);
}
