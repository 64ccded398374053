import {
  excerptOf,
  type Notification,
  type NotificationType,
  type PoliDocument,
  type User,
} from '@polisee/domain';
import { canOnDocument } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import { loadActor } from './loadActor.js';

export interface DocumentRecipient {
  userId: string;
  type: NotificationType;
}

/**
 * Notifications about a document as a whole (reviews, status): one per recipient — the first
 * type listed for a person wins — never to the actor, and only to people who may read the
 * document now. They name no thread.
 */
export async function notifyAboutDocument(
  ctx: ServiceContext,
  input: {
    actor: Pick<User, 'id' | 'name'>;
    doc: PoliDocument;
    recipients: DocumentRecipient[];
    text: string;
  },
): Promise<Notification[]> {
  const seen = new Set<string>([input.actor.id]);
  const unique = input.recipients.filter((r) => !seen.has(r.userId) && seen.add(r.userId));
  const allowed: DocumentRecipient[] = [];
  for (const r of unique) {
    const reader = await loadActor(ctx, r.userId);
    if (reader && canOnDocument(reader, 'document.read', input.doc)) allowed.push(r);
  }
  if (allowed.length === 0) return [];
  const createdAt = ctx.now().toISOString();
  const notifications: Notification[] = allowed.map((r) => ({
    id: ctx.newId(),
    userId: r.userId,
    type: r.type,
    actorId: input.actor.id,
    actorName: input.actor.name,
    documentId: input.doc.id,
    documentTitle: input.doc.title,
    threadId: null,
    workshopId: null,
    priority: null,
    excerpt: excerptOf(input.text),
    createdAt,
    readAt: null,
  }));
  await ctx.store.notifications.addMany(notifications);
  ctx.events.emit('notificationsAdded', notifications);
  return notifications;
}

/** The people answerable for a document: its owners and the leads of its working group. */
export async function responsibleFor(ctx: ServiceContext, doc: PoliDocument): Promise<string[]> {
  const leads = (await ctx.store.memberships.listForGroup(doc.workingGroupId))
    .filter((m) => m.role === 'wg_lead')
    .map((m) => m.userId);
  return [...new Set([...doc.ownerIds, ...leads])];
}
