import type {
  MarkNotificationsReadRequest,
  NotificationsPage,
  NotificationsQuery,
  UnreadCount,
} from '@polisee/contracts';
import type { ServiceContext } from './context.js';
import type { AuthenticatedActor } from './loadActor.js';

/** A user's own notification centre: nobody else's notifications are ever reachable. */
export async function listNotifications(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  query: NotificationsQuery,
): Promise<NotificationsPage> {
  const [page, unreadCount] = await Promise.all([
    ctx.store.notifications.list({
      userId: actor.user.id,
      unreadOnly: query.unread,
      limit: query.limit,
      cursor: query.cursor,
    }),
    ctx.store.notifications.unreadCount(actor.user.id),
  ]);
  return { ...page, unreadCount };
}

export async function markNotificationsRead(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  req: MarkNotificationsReadRequest,
): Promise<UnreadCount> {
  const ids = 'ids' in req ? req.ids : undefined;
  const changed = await ctx.store.notifications.markRead(
    actor.user.id,
    ids,
    ctx.now().toISOString(),
  );
  if (changed > 0) ctx.events.emit('notificationsRead', { userId: actor.user.id });
  return { unreadCount: await ctx.store.notifications.unreadCount(actor.user.id) };
}
