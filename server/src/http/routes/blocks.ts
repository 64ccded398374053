import { IdParamSchema, type DocumentBlocksResponse } from '@polisee/contracts';
import { matrixAssessments } from '../../assessments/matrixAssessments.js';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import { getDocumentBlocks } from '../../services/getDocumentBlocks.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/**
 * The method blocks inside a document (decision 0049), read headless, with each matrix's
 * revealed results (decision 0051).
 */
export function blocksRouter(ctx: ServiceContext, live: LiveDocuments) {
  const router = Router();
  router.use(requireActor);

  router.get('/documents/:id/blocks', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const actor = actorOf(res);
    const blocks = await getDocumentBlocks(ctx, live, actor, id);
    const matrixIds = blocks.matrices.map((m) => m.matrixId);
    const body: DocumentBlocksResponse = {
      ...blocks,
      assessments: await matrixAssessments(ctx, actor.user.id, id, matrixIds),
    };
    res.json(body);
  });

  return router;
}
