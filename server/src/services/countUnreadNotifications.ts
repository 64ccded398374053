import type { ServiceContext } from './context.js';

/** How many of a user's notifications are unread: the badge that live pushes carry. */
export function countUnreadNotifications(ctx: ServiceContext, userId: string): Promise<number> {
  return ctx.store.notifications.unreadCount(userId);
}
