import { KnowledgeParamsSchema, KnowledgeQuerySchema } from '@polisee/contracts';
import { Router } from 'express';
import { getKnowledgeEntry } from '../../knowledge/getKnowledgeEntry.js';
import { listKnowledge } from '../../knowledge/listKnowledge.js';
import type { ServiceContext } from '../../services/context.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/**
 * The knowledge base (decision 0062): published training packages and good practices, readable
 * by everyone in the workspace, and each one's published view with its links.
 */
export function knowledgeRouter(ctx: ServiceContext) {
  const router = Router();
  router.use('/knowledge', requireActor);

  router.get('/knowledge', async (req, res) => {
    const query = parseInput(KnowledgeQuerySchema, req.query, 'query');
    res.json(await listKnowledge(ctx, actorOf(res), query));
  });
  router.get('/knowledge/:documentId', async (req, res) => {
    const { documentId } = parseInput(KnowledgeParamsSchema, req.params, 'params');
    res.json(await getKnowledgeEntry(ctx, actorOf(res), documentId));
  });
  return router;
}
