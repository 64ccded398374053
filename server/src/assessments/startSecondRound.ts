import { ASSESSMENT_ERRORS, type AssessmentView } from '@polisee/contracts';
import type { AuthenticatedActor } from '../services/loadActor.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { assessmentError } from './assessmentErrors.js';
import { loadAssessmentView } from './assessmentViews.js';
import { loadMatrixFor } from './matrixAccess.js';
import type { MatrixLocks } from './matrixLocks.js';

/**
 * The Delphi second round: once round 1 is revealed, scorers see its distribution and may
 * revise. Each scorer starts from their round-1 scores (what they do not revise counts as it
 * was); there is one second round, never a third.
 */
export async function startSecondRound(
  ctx: ServiceContext,
  live: LiveDocuments,
  locks: MatrixLocks,
  actor: AuthenticatedActor,
  documentId: string,
  matrixId: string,
): Promise<AssessmentView> {
  await loadMatrixFor(ctx, live, actor, 'assessment.startSecondRound', documentId, matrixId);
  await locks.run(documentId, matrixId, async () => {
    const rounds = await ctx.store.assessments.listRounds(documentId, matrixId);
    const ready = rounds.length === 1 && rounds[0]!.phase === 'revealed';
    const created =
      ready &&
      (await ctx.store.assessments.createRound({
        documentId,
        matrixId,
        round: 2,
        phase: 'scoring',
        startedAt: ctx.now().toISOString(),
        revealedAt: null,
        revealedBy: null,
        structure: null,
      }));
    if (!created) {
      throw assessmentError(
        ASSESSMENT_ERRORS.roundUnavailable,
        'A second round starts once round 1 is revealed, and only once.',
      );
    }
  });
  ctx.events.emit('assessmentChanged', { documentId, matrixId });
  return loadAssessmentView(ctx, actor.user.id, documentId, matrixId);
}
