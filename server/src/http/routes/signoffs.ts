import {
  AnswerSignoffRequestSchema,
  IdParamSchema,
  RequestSignoffRequestSchema,
  SetSignatoryRequestSchema,
  SignatoryParamsSchema,
  SignoffStatusQuerySchema,
} from '@polisee/contracts';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { answerSignoff } from '../../signoffs/answerSignoff.js';
import { designateSignatory } from '../../signoffs/designateSignatory.js';
import { exportSignoffCsv } from '../../signoffs/exportSignoffCsv.js';
import { listSignatories } from '../../signoffs/listSignatories.js';
import { requestSignoff } from '../../signoffs/requestSignoff.js';
import {
  getSignoff,
  listDocumentSignoffs,
  listSignoffStatuses,
} from '../../signoffs/signoffViews.js';
import { withdrawSignoff } from '../../signoffs/withdrawSignoff.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/**
 * Consent sign-off by partner organisations (decision 0065): signatories per group, requests,
 * answers (final: no route edits or removes one), withdrawal, the catalogue's statuses and the
 * CSV record.
 */
export function signoffsRouter(ctx: ServiceContext, live: LiveDocuments) {
  const router = Router();
  router.use(requireActor);

  router.get('/working-groups/:id/signatories', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json({ items: await listSignatories(ctx, actorOf(res), id) });
  });
  router.put('/working-groups/:id/signatories/:organisationId', async (req, res) => {
    const { id, organisationId } = parseInput(SignatoryParamsSchema, req.params, 'params');
    const { userId } = parseInput(SetSignatoryRequestSchema, req.body, 'body');
    const items = await designateSignatory(ctx, actorOf(res), {
      workingGroupId: id,
      organisationId,
      userId,
    });
    res.json({ items });
  });
  router.get('/signoffs/status', async (req, res) => {
    const { documentIds } = parseInput(SignoffStatusQuerySchema, req.query, 'query');
    res.json({ items: await listSignoffStatuses(ctx, actorOf(res), documentIds) });
  });
  router.get('/documents/:id/signoffs', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json({ items: await listDocumentSignoffs(ctx, live, actorOf(res), id) });
  });
  router.post('/documents/:id/signoffs', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(RequestSignoffRequestSchema, req.body, 'body');
    res.status(201).json(await requestSignoff(ctx, live, actorOf(res), id, body));
  });
  router.get('/signoffs/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await getSignoff(ctx, live, actorOf(res), id));
  });
  router.post('/signoffs/:id/answers', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(AnswerSignoffRequestSchema, req.body, 'body');
    res.status(201).json(await answerSignoff(ctx, live, actorOf(res), id, body));
  });
  router.post('/signoffs/:id/withdraw', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await withdrawSignoff(ctx, live, actorOf(res), id));
  });
  router.get('/signoffs/:id/export.csv', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const { filename, csv } = await exportSignoffCsv(ctx, live, actorOf(res), id);
    res.attachment(filename);
    res.type('text/csv; charset=utf-8');
    // A byte-order mark, so that spreadsheets read the names' accents as UTF-8.
    res.send(`\uFEFF${csv}`);
  });

  return router;
}
