import type { Notification } from '@polisee/domain';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { NotificationRepo } from '../ports.js';
import type { Models } from './models.js';
import { and, before, op } from './q.js';
import type { NotificationDoc } from './threadModels.js';

/** A user's notifications: one document each, listed newest first, read marks in place. */

export function toNotification(d: NotificationDoc): Notification {
  return {
    id: d._id,
    userId: d.userId,
    type: d.type,
    actorId: d.actorId,
    actorName: d.actorName,
    documentId: d.documentId,
    documentTitle: d.documentTitle,
    threadId: d.threadId ?? null,
    // Absent on notifications written before workshops existed.
    workshopId: d.workshopId ?? null,
    priority: d.priority ?? null,
    excerpt: d.excerpt,
    createdAt: d.createdAt,
    readAt: d.readAt ?? null,
  };
}

export function notificationRepo({ Notification }: Models): NotificationRepo {
  return {
    async addMany(notifications) {
      if (notifications.length === 0) return;
      await Notification.insertMany(
        notifications.map((n) => ({
          _id: n.id,
          userId: n.userId,
          type: n.type,
          actorId: n.actorId,
          actorName: n.actorName,
          documentId: n.documentId,
          documentTitle: n.documentTitle,
          threadId: n.threadId,
          workshopId: n.workshopId,
          priority: n.priority,
          excerpt: n.excerpt,
          createdAt: n.createdAt,
          readAt: n.readAt,
        })),
        { ordered: true },
      );
    },

    async list(q) {
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      const docs = await Notification.find(
        and(
          { userId: q.userId },
          q.unreadOnly ? { readAt: null } : {},
          cursor ? before('createdAt', cursor.at, cursor.id) : {},
        ),
      )
        .sort({ createdAt: -1, _id: -1 })
        .limit(q.limit + 1)
        .lean<NotificationDoc[]>();
      const page = docs.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map(toNotification),
        nextCursor: docs.length > q.limit && last ? encodeCursor(last.createdAt, last._id) : null,
      };
    },

    async unreadCount(userId) {
      return Notification.countDocuments({ userId, readAt: null });
    },

    async markRead(userId, ids, at) {
      const r = await Notification.updateMany(
        and({ userId, readAt: null }, ids === undefined ? {} : { _id: op({ $in: ids }) }),
        { $set: { readAt: at } },
      );
      return r.modifiedCount;
    },
  };
}
