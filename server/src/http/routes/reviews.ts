import {
  GiveVerdictRequestSchema,
  IdParamSchema,
  PublishRequestSchema,
  RequestReviewRequestSchema,
} from '@polisee/contracts';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { giveVerdict } from '../../services/reviews/giveVerdict.js';
import { getPublishedDocument, publishVersion } from '../../services/reviews/publishVersion.js';
import { requestReview } from '../../services/reviews/requestReview.js';
import { getReview, listDocumentReviews } from '../../services/reviews/reviewViews.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** Review rounds, verdicts and publication. */
export function reviewsRouter(ctx: ServiceContext, live: LiveDocuments) {
  const router = Router();
  router.use(requireActor);

  router.get('/documents/:id/reviews', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json({ items: await listDocumentReviews(ctx, live, actorOf(res), id) });
  });
  router.post('/documents/:id/reviews', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(RequestReviewRequestSchema, req.body, 'body');
    res.status(201).json(await requestReview(ctx, live, actorOf(res), id, body));
  });
  router.get('/reviews/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await getReview(ctx, live, actorOf(res), id));
  });
  router.post('/reviews/:id/verdicts', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(GiveVerdictRequestSchema, req.body, 'body');
    res.status(201).json(await giveVerdict(ctx, live, actorOf(res), id, body));
  });
  router.post('/documents/:id/publish', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const { versionId } = parseInput(PublishRequestSchema, req.body, 'body');
    res.json(await publishVersion(ctx, live, actorOf(res), id, versionId));
  });
  router.get('/documents/:id/published', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await getPublishedDocument(ctx, actorOf(res), id));
  });

  return router;
}
