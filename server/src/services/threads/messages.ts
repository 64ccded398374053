import { AppError, THREAD_LIMITS, type ThreadMessage } from '@polisee/domain';
import type { PostMessageRequestSchema, ThreadView } from '@polisee/contracts';
import type { z } from 'zod';
import { assertDocument, assertMessage } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import type { AuthenticatedActor } from '../loadActor.js';
import { validMentions } from './mentions.js';
import { notifyMessage } from './notify.js';
import { announceThread, getReadableThread } from './threadViews.js';

type MessageInput = z.output<typeof PostMessageRequestSchema>;

/** A reply. Anyone who may comment on the document may reply, observers included. */
export async function postMessage(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  threadId: string,
  req: MessageInput,
): Promise<ThreadView> {
  const { thread, doc } = await getReadableThread(ctx, actor, threadId);
  assertDocument(actor, 'document.comment', doc);
  if (thread.messageCount >= THREAD_LIMITS.messagesPerThread) {
    throw new AppError('conflict', 'This thread is full; start a new one.');
  }
  const mentions = await validMentions(ctx, doc, req.mentions);
  const now = ctx.now().toISOString();
  const message: ThreadMessage = {
    id: ctx.newId(),
    threadId,
    authorId: actor.user.id,
    body: req.body,
    mentions,
    createdAt: now,
    editedAt: null,
    deletedAt: null,
  };
  await ctx.store.threads.addMessage(message);
  await ctx.store.threads.markRead(actor.user.id, threadId, now);
  const view = await announceThread(ctx, threadId);
  await notifyMessage(ctx, {
    actor: actor.user,
    doc,
    thread: view,
    body: req.body,
    mentions,
    isReply: true,
  });
  return view;
}

async function ownMessage(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  threadId: string,
  messageId: string,
  action: 'message.edit' | 'message.delete',
) {
  const { thread, doc } = await getReadableThread(ctx, actor, threadId);
  const message = await ctx.store.threads.getMessage(threadId, messageId);
  if (!message || message.deletedAt) throw new AppError('not_found', 'No such message.');
  assertMessage(actor, action, doc, message);
  return { thread, doc, message };
}

/** Edits one's own message. Newly mentioned people are told; those already mentioned are not told twice. */
export async function editMessage(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  threadId: string,
  messageId: string,
  req: MessageInput,
): Promise<ThreadView> {
  const { doc, message } = await ownMessage(ctx, actor, threadId, messageId, 'message.edit');
  const mentions = await validMentions(ctx, doc, req.mentions);
  await ctx.store.threads.updateMessage(threadId, messageId, {
    body: req.body,
    mentions,
    editedAt: ctx.now().toISOString(),
    deletedAt: null,
  });
  const view = await announceThread(ctx, threadId);
  const added = mentions.filter((id) => !message.mentions.includes(id));
  await notifyMessage(ctx, {
    actor: actor.user,
    doc,
    thread: view,
    body: req.body,
    mentions: added,
    isReply: false,
  });
  return view;
}

/** Deletes one's own message: its place in the thread stays, its text and mentions go. */
export async function deleteMessage(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  threadId: string,
  messageId: string,
): Promise<ThreadView> {
  const { message } = await ownMessage(ctx, actor, threadId, messageId, 'message.delete');
  await ctx.store.threads.updateMessage(threadId, messageId, {
    body: '',
    mentions: [],
    editedAt: message.editedAt,
    deletedAt: ctx.now().toISOString(),
  });
  return announceThread(ctx, threadId);
}
