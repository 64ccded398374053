import {
  DocumentContributionsQuerySchema,
  IdParamSchema,
  ProgrammeContributionsQuerySchema,
} from '@polisee/contracts';
import { Router, type Response } from 'express';
import { contributionsCsv } from '../../attribution/exportContributionsCsv.js';
import { getAuthorship } from '../../attribution/getAuthorship.js';
import {
  listDocumentContributions,
  listProgrammeContributions,
} from '../../attribution/listContributions.js';
import type { ServiceContext } from '../../services/context.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

function sendCsv(res: Response, filename: string, csv: string) {
  res.attachment(filename);
  res.type('text/csv; charset=utf-8');
  // A byte-order mark, so that spreadsheets read the names' accents as UTF-8.
  res.send(`\uFEFF${csv}`);
}

/** Authorship by organisation and contribution statistics, with their CSV (decision 0069). */
export function attributionRouter(ctx: ServiceContext) {
  const router = Router();
  router.use(requireActor);

  router.get('/documents/:id/authorship', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await getAuthorship(ctx, actorOf(res), id));
  });
  router.get('/documents/:id/contributions', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const query = parseInput(DocumentContributionsQuerySchema, req.query, 'query');
    res.json(await listDocumentContributions(ctx, actorOf(res), id, query));
  });
  router.get('/documents/:id/contributions.csv', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const query = parseInput(DocumentContributionsQuerySchema, req.query, 'query');
    const summary = await listDocumentContributions(ctx, actorOf(res), id, query);
    sendCsv(res, `contributions-${id.slice(0, 8)}.csv`, contributionsCsv(summary));
  });
  router.get('/contributions', async (req, res) => {
    const query = parseInput(ProgrammeContributionsQuerySchema, req.query, 'query');
    res.json(await listProgrammeContributions(ctx, actorOf(res), query));
  });
  router.get('/contributions.csv', async (req, res) => {
    const query = parseInput(ProgrammeContributionsQuerySchema, req.query, 'query');
    const summary = await listProgrammeContributions(ctx, actorOf(res), query);
    sendCsv(res, `contributions-${query.groupBy}.csv`, contributionsCsv(summary));
  });

  return router;
}
