import { IdParamSchema, type PollList } from '@polisee/contracts';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import { listPolls } from '../../workshops/polls/listPolls.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** A workshop's polls over REST (live voting itself goes over socket.io). */
export function workshopPollsRouter(ctx: ServiceContext) {
  const router = Router();
  router.use('/workshops', requireActor);

  router.get('/workshops/:id/polls', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body: PollList = { items: await listPolls(ctx, actorOf(res), id) };
    res.json(body);
  });

  return router;
}
