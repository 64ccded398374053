import {
  excerptOf,
  type Notification,
  type NotificationType,
  type User,
  type Workshop,
} from '@polisee/domain';
import { canOnWorkshop } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { loadActor } from '../services/loadActor.js';

/** Everyone invited hears that a workshop was planned (the client offers its `.ics` file). */
export function notifyWorkshopInvited(
  ctx: ServiceContext,
  workshop: Workshop,
  actor: Pick<User, 'id' | 'name'>,
): Promise<void> {
  return notifyParticipants(ctx, workshop, actor, 'workshop_invited');
}

/** Guests added to the plan later hear of it as the others did; nobody else is told again. */
export function notifyWorkshopGuestsInvited(
  ctx: ServiceContext,
  workshop: Workshop,
  actor: Pick<User, 'id' | 'name'>,
  guestIds: readonly string[],
): Promise<void> {
  return notifyParticipants(ctx, workshop, actor, 'workshop_invited', guestIds);
}

/** Everyone invited hears that the workshop has gone live, to join it. */
export function notifyWorkshopLive(
  ctx: ServiceContext,
  workshop: Workshop,
  actor: Pick<User, 'id' | 'name'>,
): Promise<void> {
  return notifyParticipants(ctx, workshop, actor, 'workshop_live');
}

/**
 * One notification to every member of the group and every guest, the actor aside. Each is
 * checked against the workshop rules as loaded now, so someone who has left the group since is
 * not told of its workshop. The notification points at the notes document (every participant
 * may read it) and names the workshop, whose title stands for the document's.
 */
async function notifyParticipants(
  ctx: ServiceContext,
  workshop: Workshop,
  actor: Pick<User, 'id' | 'name'>,
  type: NotificationType,
  /** Only these users (each still checked); everyone invited when absent. */
  only?: readonly string[],
): Promise<void> {
  const memberships = only ? [] : await ctx.store.memberships.listForGroup(workshop.workingGroupId);
  const candidates = new Set(only ?? [...memberships.map((m) => m.userId), ...workshop.guestIds]);
  candidates.delete(actor.id);
  const recipients: string[] = [];
  for (const userId of candidates) {
    const reader = await loadActor(ctx, userId);
    if (reader && canOnWorkshop(reader, 'workshop.read', workshop)) recipients.push(userId);
  }
  if (recipients.length === 0) return;
  const createdAt = ctx.now().toISOString();
  const notifications: Notification[] = recipients.map((userId) => ({
    id: ctx.newId(),
    userId,
    type,
    actorId: actor.id,
    actorName: actor.name,
    documentId: workshop.notesDocumentId,
    documentTitle: workshop.title,
    threadId: null,
    workshopId: workshop.id,
    priority: null,
    excerpt: excerptOf(workshop.purpose),
    createdAt,
    readAt: null,
  }));
  await ctx.store.notifications.addMany(notifications);
  ctx.events.emit('notificationsAdded', notifications);
}
