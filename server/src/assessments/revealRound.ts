import { recordAuditEntry } from '../audit/recordAuditEntry.js';
import { ASSESSMENT_ERRORS, type AssessmentView } from '@polisee/contracts';
import type { AuthenticatedActor } from '../services/loadActor.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { assessmentError } from './assessmentErrors.js';
import { currentRound, loadAssessmentView } from './assessmentViews.js';
import { loadMatrixFor } from './matrixAccess.js';
import type { MatrixLocks } from './matrixLocks.js';

/**
 * The lead (an owner, an admin) reveals the current round: from now on every reader of the
 * document gets its results. The matrix's rows and criteria are stored with the round as they
 * are now, so that its results, and programme-wide views, never need the document again.
 */
export async function revealRound(
  ctx: ServiceContext,
  live: LiveDocuments,
  locks: MatrixLocks,
  actor: AuthenticatedActor,
  documentId: string,
  matrixId: string,
): Promise<AssessmentView> {
  const { matrix } = await loadMatrixFor(
    ctx,
    live,
    actor,
    'assessment.reveal',
    documentId,
    matrixId,
  );
  const structure = {
    rows: matrix.rows.map(({ rowId, label, priority }) => ({ rowId, label, priority })),
    criteria: matrix.criteria.map(({ criterionId, label, dac }) => ({ criterionId, label, dac })),
  };
  await locks.run(documentId, matrixId, async () => {
    const rounds = await ctx.store.assessments.listRounds(documentId, matrixId);
    const current = currentRound(rounds);
    const now = ctx.now().toISOString();
    if (rounds.length === 0) {
      // Revealed before anyone scored: round 1 is stored now, and is revealed empty.
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
    const revealed =
      current.phase === 'scoring' &&
      (await ctx.store.assessments.revealRound(
        { documentId, matrixId, round: current.round },
        { revealedAt: now, revealedBy: actor.user.id, structure },
      ));
    if (!revealed) {
      throw assessmentError(ASSESSMENT_ERRORS.notScoring, 'This round has been revealed already.');
    }
  });
  ctx.events.emit('assessmentChanged', { documentId, matrixId });
  await recordAuditEntry(ctx, {
    action: 'assessment.round_revealed',
    actorId: actor.user.id,
    target: { type: 'document', id: documentId },
    details: { matrixId },
  });
  return loadAssessmentView(ctx, actor.user.id, documentId, matrixId);
}
