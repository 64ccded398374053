import { z } from 'zod';
import { IdSchema, NotificationSchema } from '@polisee/domain';
import { CursorSchema } from './threads.js';

export const NotificationsQuerySchema = z.strictObject({
  unread: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type NotificationsQuery = z.infer<typeof NotificationsQuerySchema>;

export const NotificationsPageSchema = z.object({
  items: z.array(NotificationSchema),
  nextCursor: CursorSchema.nullable(),
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationsPage = z.infer<typeof NotificationsPageSchema>;

/** Mark some notifications read, or all of them. */
export const MarkNotificationsReadRequestSchema = z.union([
  z.strictObject({ ids: z.array(IdSchema).min(1).max(200) }),
  z.strictObject({ all: z.literal(true) }),
]);
export type MarkNotificationsReadRequest = z.infer<typeof MarkNotificationsReadRequestSchema>;

export const UnreadCountSchema = z.object({ unreadCount: z.number().int().nonnegative() });
export type UnreadCount = z.infer<typeof UnreadCountSchema>;
