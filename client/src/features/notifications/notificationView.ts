import type { Notification, NotificationType } from '@polisee/domain';
import { paths } from '../../routes/paths';

/**
 * The sentence for each kind of notification, with `{{actor}}` and `{{title}}`. Written out as
 * literal keys (not built from the type) so the catalog tests see each one, and as a full
 * record so a new notification type fails to compile until it has a sentence.
 */
const SENTENCE_KEYS: Record<NotificationType, string> = {
  mention: 'notifications.types.mention',
  thread_reply: 'notifications.types.thread_reply',
  thread_resolved: 'notifications.types.thread_resolved',
  thread_reopened: 'notifications.types.thread_reopened',
  review_requested: 'notifications.types.review_requested',
  verdict_given: 'notifications.types.verdict_given',
  status_changed: 'notifications.types.status_changed',
  review_due_soon: 'notifications.types.review_due_soon',
  workshop_invited: 'notifications.types.workshop_invited',
  workshop_live: 'notifications.types.workshop_live',
  signoff_requested: 'signoffs.notifications.requested',
  signoff_answered: 'signoffs.notifications.answered',
  signoff_signed_off: 'signoffs.notifications.signed_off',
  signoff_objected: 'signoffs.notifications.objected',
  signoff_lapsed: 'signoffs.notifications.lapsed',
};

export function notificationSentenceKey(type: NotificationType): string {
  return SENTENCE_KEYS[type];
}

/**
 * Where a notification leads: a workshop's page (its document is the workshop's notes, which
 * the workshop page shows), the thread in its document, or the document when it has none.
 */
export function notificationTarget(
  notification: Pick<Notification, 'documentId' | 'threadId' | 'workshopId'>,
): string {
  if (notification.workshopId) return paths.workshop(notification.workshopId);
  return notification.threadId
    ? paths.documentThread(notification.documentId, notification.threadId)
    : paths.document(notification.documentId);
}

export function isUnread(notification: Pick<Notification, 'readAt'>): boolean {
  return notification.readAt === null;
}

/** The badge's text: exact up to 99, then "99+" so the bell keeps its size. */
export const BADGE_MAX = 99;
export function badgeText(count: number, formatNumber: (n: number) => string): string {
  return count > BADGE_MAX ? `${formatNumber(BADGE_MAX)}+` : formatNumber(count);
}
