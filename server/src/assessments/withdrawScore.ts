import { ASSESSMENT_ERRORS, type AssessmentView } from '@polisee/contracts';
import type { AuthenticatedActor } from '../services/loadActor.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { assessmentError } from './assessmentErrors.js';
import { currentRound, loadAssessmentView } from './assessmentViews.js';
import { loadMatrixFor } from './matrixAccess.js';
import type { MatrixLocks } from './matrixLocks.js';

/**
 * A scorer takes back their own score of a cell while the round is scoring (idempotent: no
 * score is not an error). In round 2 their round-1 score of the cell counts again.
 */
export async function withdrawScore(
  ctx: ServiceContext,
  live: LiveDocuments,
  locks: MatrixLocks,
  actor: AuthenticatedActor,
  cell: { documentId: string; matrixId: string; rowId: string; criterionId: string },
): Promise<AssessmentView> {
  const { documentId, matrixId } = cell;
  await loadMatrixFor(ctx, live, actor, 'assessment.score', documentId, matrixId);
  const removed = await locks.run(documentId, matrixId, async () => {
    const current = currentRound(await ctx.store.assessments.listRounds(documentId, matrixId));
    if (current.phase !== 'scoring') {
      throw assessmentError(ASSESSMENT_ERRORS.notScoring, 'This round has been revealed.');
    }
    return ctx.store.assessments.deleteScore({
      ...cell,
      round: current.round,
      userId: actor.user.id,
    });
  });
  if (removed) ctx.events.emit('assessmentChanged', { documentId, matrixId });
  return loadAssessmentView(ctx, actor.user.id, documentId, matrixId);
}
