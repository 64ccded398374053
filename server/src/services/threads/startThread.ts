import { AppError, THREAD_LIMITS, type CommentThread, type ThreadMessage } from '@polisee/domain';
import type { CreateThreadRequestSchema, ThreadView } from '@polisee/contracts';
import type { z } from 'zod';
import { addThreadMark } from '../../content/commentAnchors.js';
import { assertDocument } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';
import type { AuthenticatedActor } from '../loadActor.js';
import type { LiveDocuments } from '../liveDocuments.js';
import { validMentions } from './mentions.js';
import { notifyMessage } from './notify.js';
import { announceThread } from './threadViews.js';
import { logDamage } from '../../content/documentRepair.js';

const ANCHOR_ERRORS = {
  invalid_position: 'The selected text could not be found in the document.',
  empty_selection: 'Select some text to comment on.',
  not_synced: 'The selected text has not reached the server yet; try again in a moment.',
} as const;

/**
 * Starts a thread. With an anchor, the server adds the `commentThread` mark to the live
 * document on the author's behalf (so an observer, who may not edit, can still anchor a
 * thread) and takes the quote from the document itself, never from the client.
 */
export async function startThread(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  documentId: string,
  req: z.output<typeof CreateThreadRequestSchema>,
): Promise<ThreadView> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  assertDocument(actor, 'document.comment', doc);
  const mentions = await validMentions(ctx, doc, req.mentions);
  const id = ctx.newId();
  const now = ctx.now().toISOString();

  let quote = '';
  if (req.anchor) {
    const anchor = {
      from: Buffer.from(req.anchor.from, 'base64'),
      to: Buffer.from(req.anchor.to, 'base64'),
    };
    const result = await live.change(documentId, (ydoc, origin) =>
      addThreadMark(ydoc, id, anchor, origin, logDamage(ctx.logger, { documentId })),
    );
    if ('failure' in result) {
      throw new AppError('validation_failed', ANCHOR_ERRORS[result.failure], [
        { path: 'anchor', message: result.failure },
      ]);
    }
    quote = result.quote.slice(0, THREAD_LIMITS.quoteChars);
  }

  const thread: CommentThread = {
    id,
    documentId,
    workingGroupId: doc.workingGroupId,
    priority: req.priority,
    status: 'open',
    authorId: actor.user.id,
    quote,
    anchorState: req.anchor ? 'anchored' : 'document',
    createdAt: now,
    resolvedAt: null,
    resolvedBy: null,
    lastActivityAt: now,
    lastActivityBy: actor.user.id,
    messageCount: 0,
  };
  const message: ThreadMessage = {
    id: ctx.newId(),
    threadId: id,
    authorId: actor.user.id,
    body: req.body,
    mentions,
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  };
  // If this fails after the mark was added, the mark names no thread and is simply not shown.
  await ctx.store.threads.create(thread, message);
  await ctx.store.threads.markRead(actor.user.id, id, now);
  const view = await announceThread(ctx, id);
  await notifyMessage(ctx, {
    actor: actor.user,
    doc,
    thread: view,
    body: req.body,
    mentions,
    isReply: false,
  });
  return view;
}
