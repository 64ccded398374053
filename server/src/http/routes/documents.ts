import {
  ActivityQuerySchema,
  CreateDocumentRequestSchema,
  DocumentFilterSchema,
  IdParamSchema,
  UpdateDocumentRequestSchema,
} from '@polisee/contracts';
import { DocumentKindSchema, LanguageSchema } from '@polisee/domain';
import { Router } from 'express';
import { z } from 'zod';
import { setDocumentArchived } from '../../services/archiveDocument.js';
import type { ServiceContext } from '../../services/context.js';
import { createDocument } from '../../services/createDocument.js';
import { getReadableDocument, listDocuments } from '../../services/documents.js';
import { getDocumentContent } from '../../services/getDocumentContent.js';
import { listActivity, listDocumentActivity } from '../../services/listActivity.js';
import { updateDocument } from '../../services/updateDocument.js';
import { TEMPLATES } from '../../templates/catalog.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

const TemplateParamsSchema = z.object({ kind: DocumentKindSchema });
const TemplateQuerySchema = z.strictObject({ language: LanguageSchema.default('en') });

export function documentsRouter(ctx: ServiceContext) {
  const router = Router();
  router.use(requireActor);

  router.get('/documents', async (req, res) => {
    const filter = parseInput(DocumentFilterSchema, req.query, 'query');
    res.json({ items: await listDocuments(ctx, actorOf(res), filter) });
  });
  router.post('/documents', async (req, res) => {
    const body = parseInput(CreateDocumentRequestSchema, req.body, 'body');
    res.status(201).json(await createDocument(ctx, actorOf(res), body));
  });
  router.get('/documents/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await getReadableDocument(ctx, actorOf(res), id));
  });
  router.patch('/documents/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(UpdateDocumentRequestSchema, req.body, 'body');
    res.json(await updateDocument(ctx, actorOf(res), id, body));
  });
  router.post('/documents/:id/archive', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await setDocumentArchived(ctx, actorOf(res), id, true));
  });
  router.post('/documents/:id/unarchive', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await setDocumentArchived(ctx, actorOf(res), id, false));
  });
  router.get('/documents/:id/content', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await getDocumentContent(ctx, actorOf(res), id));
  });
  router.get('/documents/:id/activity', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const { limit } = parseInput(ActivityQuerySchema, req.query, 'query');
    res.json({ items: await listDocumentActivity(ctx, actorOf(res), id, limit) });
  });

  router.get('/templates/:kind', (req, res) => {
    const { kind } = parseInput(TemplateParamsSchema, req.params, 'params');
    const { language } = parseInput(TemplateQuerySchema, req.query, 'query');
    res.json(TEMPLATES[kind][language]);
  });

  router.get('/activity', async (req, res) => {
    const { limit } = parseInput(ActivityQuerySchema, req.query, 'query');
    res.json({ items: await listActivity(ctx, actorOf(res), limit) });
  });

  return router;
}
