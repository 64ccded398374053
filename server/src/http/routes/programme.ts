import {
  ProgrammeCellQuerySchema,
  ProgrammeFilterSchema,
  type ProgrammeCellDetail,
  type ProgrammeHeatmap,
} from '@polisee/contracts';
import { Router } from 'express';
import { getProgrammeCell } from '../../programme/getProgrammeCell.js';
import { getProgrammeHeatmap } from '../../programme/getProgrammeHeatmap.js';
import { RoundTallies } from '../../programme/roundTallies.js';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/**
 * The programme view: revealed assessments across every document the reader may read, by
 * thematic priority × country, and what is behind one of its numbers.
 */
export function programmeRouter(ctx: ServiceContext, live: LiveDocuments) {
  const router = Router();
  // One per app: what revealed rounds add up to never changes (see RoundTallies).
  const tallies = new RoundTallies();
  tallies.warm(ctx).then(
    (rounds) => ctx.logger.debug({ rounds }, 'programme: revealed rounds tallied'),
    // Only the first views are slower for it: they tally what they need themselves.
    (error: unknown) => ctx.logger.warn({ err: error }, 'programme: tallying at start failed'),
  );
  router.use('/programme', requireActor);

  router.get('/programme/assessments', async (req, res) => {
    const filter = parseInput(ProgrammeFilterSchema, req.query, 'query');
    const body: ProgrammeHeatmap = await getProgrammeHeatmap(ctx, tallies, actorOf(res), filter);
    res.json(body);
  });

  router.get('/programme/assessments/cell', async (req, res) => {
    const query = parseInput(ProgrammeCellQuerySchema, req.query, 'query');
    const body: ProgrammeCellDetail = await getProgrammeCell(
      ctx,
      tallies,
      live,
      actorOf(res),
      query,
    );
    res.json(body);
  });

  return router;
}
