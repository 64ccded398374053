import {
  AssessmentCellParamsSchema,
  AssessmentParamsSchema,
  PutAssessmentScoreRequestSchema,
} from '@polisee/contracts';
import { Router } from 'express';
import { getAssessment } from '../../assessments/getAssessment.js';
import { MatrixLocks } from '../../assessments/matrixLocks.js';
import { revealRound } from '../../assessments/revealRound.js';
import { scoreCell } from '../../assessments/scoreCell.js';
import { startSecondRound } from '../../assessments/startSecondRound.js';
import { withdrawScore } from '../../assessments/withdrawScore.js';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/**
 * Private scoring of a document's assessment matrices, reveal and the second round (decision
 * 0051). Every answer is the caller's AssessmentView: their own scores, never another's
 * before reveal.
 */
export function assessmentsRouter(ctx: ServiceContext, live: LiveDocuments) {
  const router = Router();
  // One lock per process: the app is built once, so every request of a matrix queues here.
  const locks = new MatrixLocks();
  const base = '/documents/:id/assessments/:matrixId';
  router.use('/documents/:id/assessments', requireActor);

  router.get(base, async (req, res) => {
    const { id, matrixId } = parseInput(AssessmentParamsSchema, req.params, 'params');
    res.json(await getAssessment(ctx, actorOf(res), id, matrixId));
  });
  router.put(`${base}/scores`, async (req, res) => {
    const { id, matrixId } = parseInput(AssessmentParamsSchema, req.params, 'params');
    const body = parseInput(PutAssessmentScoreRequestSchema, req.body, 'body');
    res.json(await scoreCell(ctx, live, locks, actorOf(res), id, matrixId, body));
  });
  router.delete(`${base}/scores/:rowId/:criterionId`, async (req, res) => {
    const { id, matrixId, rowId, criterionId } = parseInput(
      AssessmentCellParamsSchema,
      req.params,
      'params',
    );
    res.json(
      await withdrawScore(ctx, live, locks, actorOf(res), {
        documentId: id,
        matrixId,
        rowId,
        criterionId,
      }),
    );
  });
  router.post(`${base}/reveal`, async (req, res) => {
    const { id, matrixId } = parseInput(AssessmentParamsSchema, req.params, 'params');
    res.json(await revealRound(ctx, live, locks, actorOf(res), id, matrixId));
  });
  router.post(`${base}/second-round`, async (req, res) => {
    const { id, matrixId } = parseInput(AssessmentParamsSchema, req.params, 'params');
    res.json(await startSecondRound(ctx, live, locks, actorOf(res), id, matrixId));
  });

  return router;
}
