import { IdParamSchema, type DocumentSection } from '@polisee/contracts';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { listDocumentSections } from '../../workshops/documentSections.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** A document's sections (its headings), for binding agenda items to them. */
export function documentSectionsRouter(ctx: ServiceContext, live: LiveDocuments) {
  const router = Router();
  router.use(requireActor);

  router.get('/documents/:id/sections', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const items: DocumentSection[] = await listDocumentSections(ctx, live, actorOf(res), id);
    res.json({ items });
  });

  return router;
}
