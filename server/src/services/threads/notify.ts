import {
  excerptOf,
  type CommentThread,
  type Notification,
  type NotificationType,
  type PoliDocument,
  type User,
} from '@polisee/domain';
import { canOnDocument } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { loadActor } from '../loadActor.js';

interface Recipient {
  userId: string;
  type: NotificationType;
}

/**
 * Stores one notification per recipient and announces them. Recipients who may no longer read
 * the document (removed from the group since) are left out, as is the actor.
 */
async function notify(
  ctx: ServiceContext,
  actor: Pick<User, 'id' | 'name'>,
  doc: PoliDocument,
  thread: CommentThread,
  recipients: Recipient[],
  text: string,
) {
  const seen = new Set<string>([actor.id]);
  const unique = recipients.filter((r) => !seen.has(r.userId) && seen.add(r.userId));
  const allowed: Recipient[] = [];
  for (const r of unique) {
    const reader = await loadActor(ctx, r.userId);
    if (reader && canOnDocument(reader, 'document.read', doc)) allowed.push(r);
  }
  if (allowed.length === 0) return;
  const createdAt = ctx.now().toISOString();
  const notifications: Notification[] = allowed.map((r) => ({
    id: ctx.newId(),
    userId: r.userId,
    type: r.type,
    actorId: actor.id,
    actorName: actor.name,
    documentId: doc.id,
    documentTitle: doc.title,
    threadId: thread.id,
    workshopId: null,
    priority: thread.priority,
    excerpt: excerptOf(text),
    createdAt,
    readAt: null,
  }));
  await ctx.store.notifications.addMany(notifications);
  ctx.events.emit('notificationsAdded', notifications);
}

/**
 * A new message: the people it mentions hear of it as a mention; everyone else who started or
 * wrote in the thread hears of it as a reply (once — a mention outranks a reply).
 */
export async function notifyMessage(
  ctx: ServiceContext,
  input: {
    actor: Pick<User, 'id' | 'name'>;
    doc: PoliDocument;
    thread: CommentThread;
    body: string;
    mentions: string[];
    isReply: boolean;
  },
) {
  const participants = input.isReply ? await ctx.store.threads.participants(input.thread.id) : [];
  await notify(
    ctx,
    input.actor,
    input.doc,
    input.thread,
    [
      ...input.mentions.map((userId) => ({ userId, type: 'mention' as const })),
      ...participants.map((userId) => ({ userId, type: 'thread_reply' as const })),
    ],
    input.body,
  );
}

/** Resolving or reopening tells the thread's author. */
export async function notifyStatus(
  ctx: ServiceContext,
  input: { actor: Pick<User, 'id' | 'name'>; doc: PoliDocument; thread: CommentThread },
) {
  const type = input.thread.status === 'resolved' ? 'thread_resolved' : 'thread_reopened';
  await notify(
    ctx,
    input.actor,
    input.doc,
    input.thread,
    [{ userId: input.thread.authorId, type }],
    input.thread.quote,
  );
}
