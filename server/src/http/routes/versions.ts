import {
  DiffQuerySchema,
  IdParamSchema,
  SaveVersionRequestSchema,
  VersionParamsSchema,
  VersionsQuerySchema,
} from '@polisee/contracts';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import {
  diffVersions,
  getVersionContent,
  listVersions,
} from '../../services/versions/readVersions.js';
import { restoreVersion } from '../../services/versions/restoreVersion.js';
import { saveNamedVersion } from '../../services/versions/saveVersion.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** A document's history: versions, their content, comparisons, named versions and restores. */
export function versionsRouter(ctx: ServiceContext, live: LiveDocuments) {
  const router = Router();
  router.use(requireActor);

  router.get('/documents/:id/versions', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const query = parseInput(VersionsQuerySchema, req.query, 'query');
    res.json(await listVersions(ctx, actorOf(res), id, query));
  });
  router.post('/documents/:id/versions', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(SaveVersionRequestSchema, req.body, 'body');
    res.status(201).json(await saveNamedVersion(ctx, live, actorOf(res), id, body));
  });
  router.get('/documents/:id/versions/:versionId', async (req, res) => {
    const { id, versionId } = parseInput(VersionParamsSchema, req.params, 'params');
    res.json(await getVersionContent(ctx, actorOf(res), id, versionId));
  });
  router.post('/documents/:id/versions/:versionId/restore', async (req, res) => {
    const { id, versionId } = parseInput(VersionParamsSchema, req.params, 'params');
    res.status(201).json(await restoreVersion(ctx, live, actorOf(res), id, versionId));
  });
  router.get('/documents/:id/diff', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const query = parseInput(DiffQuerySchema, req.query, 'query');
    res.json(await diffVersions(ctx, live, actorOf(res), id, query));
  });

  return router;
}
