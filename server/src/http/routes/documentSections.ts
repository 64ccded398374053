import {
  IdParamSchema,
  SectionAtQuerySchema,
  type DocumentSection,
  type SectionAt,
} from '@polisee/contracts';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { listDocumentSections } from '../../workshops/documentSections.js';
import { findDocumentSection } from '../../workshops/findDocumentSection.js';
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

  // One heading by its anchor, as it reads now (a scenario's section links show it).
  router.get('/documents/:id/sections/at', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const { anchor } = parseInput(SectionAtQuerySchema, req.query, 'query');
    const body: SectionAt = {
      section: await findDocumentSection(ctx, live, actorOf(res), id, anchor),
    };
    res.json(body);
  });

  return router;
}
