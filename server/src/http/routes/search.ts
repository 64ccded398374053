import { SearchQuerySchema, type SearchResponse } from '@polisee/contracts';
import { Router } from 'express';
import { searchWorkspace } from '../../search/searchWorkspace.js';
import type { ServiceContext } from '../../services/context.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** Full-text search over what the reader may read (contract: packages/contracts rest/search.ts). */
export function searchRouter(ctx: ServiceContext) {
  const router = Router();
  router.get('/search', requireActor, async (req, res) => {
    const query = parseInput(SearchQuerySchema, req.query, 'query');
    const body: SearchResponse = await searchWorkspace(ctx, actorOf(res), query);
    res.json(body);
  });
  return router;
}
