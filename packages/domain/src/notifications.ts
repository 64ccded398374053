import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { ThematicPrioritySchema } from './priorities.js';

export const NOTIFICATION_TYPES = [
  'mention',
  'thread_reply',
  'thread_resolved',
  'thread_reopened',
  'review_requested',
  'verdict_given',
  'status_changed',
  'review_due_soon',
  'workshop_invited',
  'workshop_live',
  'signoff_requested',
  'signoff_answered',
  'signoff_signed_off',
  'signoff_objected',
  'signoff_lapsed',
] as const;
export const NotificationTypeSchema = z.enum(NOTIFICATION_TYPES);
export type NotificationType = z.infer<typeof NotificationTypeSchema>;

/**
 * One entry of a user's notification centre. It carries what the list shows (names, title,
 * excerpt as they were), so rendering it needs no further lookup and survives later renames.
 */
export const NotificationSchema = z.object({
  id: IdSchema,
  userId: IdSchema,
  type: NotificationTypeSchema,
  actorId: IdSchema,
  actorName: z.string(),
  documentId: IdSchema,
  documentTitle: z.string(),
  threadId: IdSchema.nullable(),
  /** The workshop a workshop notification is about (its document is the notes); null otherwise. */
  workshopId: IdSchema.nullable(),
  priority: ThematicPrioritySchema.nullable(),
  excerpt: z.string(),
  createdAt: IsoDateTimeSchema,
  readAt: IsoDateTimeSchema.nullable(),
});
export type Notification = z.infer<typeof NotificationSchema>;
