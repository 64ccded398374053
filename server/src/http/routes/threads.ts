import {
  CreateThreadRequestSchema,
  DocumentThreadsQuerySchema,
  IdParamSchema,
  InboxQuerySchema,
  PostMessageRequestSchema,
  PriorityParamSchema,
  ThreadMessageParamsSchema,
  UpdateThreadRequestSchema,
} from '@polisee/contracts';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import type { WriteLimits } from '../../services/limits/writeLimits.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { listMentionable } from '../../services/threads/mentions.js';
import { deleteMessage, editMessage, postMessage } from '../../services/threads/messages.js';
import {
  getThread,
  inboxCounts,
  listDocumentThreads,
  markThreadRead,
  priorityInbox,
} from '../../services/threads/readThreads.js';
import { startThread } from '../../services/threads/startThread.js';
import { updateThread } from '../../services/threads/updateThread.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** Comment threads on documents, their messages, and the priority inboxes. */
export function threadsRouter(ctx: ServiceContext, live: LiveDocuments, writeLimits: WriteLimits) {
  const router = Router();
  router.use(requireActor);

  router.get('/documents/:id/threads', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const query = parseInput(DocumentThreadsQuerySchema, req.query, 'query');
    res.json({ items: await listDocumentThreads(ctx, actorOf(res), id, query) });
  });
  router.post('/documents/:id/threads', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(CreateThreadRequestSchema, req.body, 'body');
    await writeLimits.take('thread', actorOf(res).user.id);
    res.status(201).json(await startThread(ctx, live, actorOf(res), id, body));
  });
  router.get('/documents/:id/mentionable', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json({ items: await listMentionable(ctx, actorOf(res), id) });
  });

  router.get('/threads/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await getThread(ctx, actorOf(res), id));
  });
  router.patch('/threads/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(UpdateThreadRequestSchema, req.body, 'body');
    res.json(await updateThread(ctx, actorOf(res), id, body));
  });
  router.post('/threads/:id/read', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    await markThreadRead(ctx, actorOf(res), id);
    res.status(204).end();
  });
  router.post('/threads/:id/messages', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(PostMessageRequestSchema, req.body, 'body');
    await writeLimits.take('message', actorOf(res).user.id);
    res.status(201).json(await postMessage(ctx, actorOf(res), id, body));
  });
  router.patch('/threads/:id/messages/:messageId', async (req, res) => {
    const { id, messageId } = parseInput(ThreadMessageParamsSchema, req.params, 'params');
    const body = parseInput(PostMessageRequestSchema, req.body, 'body');
    // Edits share the budget: each one may notify newly mentioned people, as a new message does.
    await writeLimits.take('message', actorOf(res).user.id);
    res.json(await editMessage(ctx, actorOf(res), id, messageId, body));
  });
  router.delete('/threads/:id/messages/:messageId', async (req, res) => {
    const { id, messageId } = parseInput(ThreadMessageParamsSchema, req.params, 'params');
    res.json(await deleteMessage(ctx, actorOf(res), id, messageId));
  });

  router.get('/inbox', async (_req, res) => {
    res.json(await inboxCounts(ctx, actorOf(res)));
  });
  router.get('/inbox/:priority', async (req, res) => {
    const { priority } = parseInput(PriorityParamSchema, req.params, 'params');
    const query = parseInput(InboxQuerySchema, req.query, 'query');
    res.json(await priorityInbox(ctx, actorOf(res), priority, query));
  });

  return router;
}
