import type { Database } from 'better-sqlite3';
import type { Notification } from '@polisee/domain';
import type { NotificationRepo } from '../ports.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { Conditions, json } from './sql.js';
import { writeTransaction } from './writeTransaction.js';

/** A user's notifications: one row each, listed newest first, read marks in place. */

interface NotificationRow {
  id: string;
  user_id: string;
  type: string;
  actor_id: string;
  actor_name: string;
  document_id: string;
  document_title: string;
  thread_id: string | null;
  workshop_id: string | null;
  priority: string | null;
  excerpt: string;
  created_at: string;
  read_at: string | null;
}

function decodeNotification(r: NotificationRow): Notification {
  return {
    id: r.id,
    userId: r.user_id,
    type: r.type as Notification['type'],
    actorId: r.actor_id,
    actorName: r.actor_name,
    documentId: r.document_id,
    documentTitle: r.document_title,
    threadId: r.thread_id,
    workshopId: r.workshop_id,
    priority: r.priority as Notification['priority'],
    excerpt: r.excerpt,
    createdAt: r.created_at,
    readAt: r.read_at,
  };
}

export class SqliteNotificationRepo implements NotificationRepo {
  constructor(private readonly db: Database) {}

  async addMany(notifications: Notification[]) {
    const insert = this.db.prepare(
      `INSERT INTO notifications (id, user_id, type, actor_id, actor_name, document_id, document_title, thread_id, workshop_id, priority, excerpt, created_at, read_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    writeTransaction(this.db, () => {
      for (const n of notifications) {
        insert.run(
          n.id,
          n.userId,
          n.type,
          n.actorId,
          n.actorName,
          n.documentId,
          n.documentTitle,
          n.threadId,
          n.workshopId,
          n.priority,
          n.excerpt,
          n.createdAt,
          n.readAt,
        );
      }
    });
  }

  async list(q: { userId: string; unreadOnly?: boolean; limit: number; cursor?: string }) {
    const where = new Conditions().add('user_id = ?', q.userId);
    if (q.unreadOnly) where.add('read_at IS NULL');
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      where.add('(created_at, id) < (?, ?)', at, id);
    }
    const rows = this.db
      .prepare(`SELECT * FROM notifications ${where} ORDER BY created_at DESC, id DESC LIMIT ?`)
      .all(...where.values, q.limit + 1) as NotificationRow[];
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(decodeNotification),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.created_at, last.id) : null,
    };
  }

  async unreadCount(userId: string) {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM notifications WHERE user_id = ? AND read_at IS NULL')
        .get(userId) as { n: number }
    ).n;
  }

  async markRead(userId: string, ids: string[] | undefined, at: string) {
    if (ids === undefined) {
      return this.db
        .prepare('UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL')
        .run(at, userId).changes;
    }
    return this.db
      .prepare(
        `UPDATE notifications SET read_at = ? WHERE user_id = ? AND read_at IS NULL
         AND id IN (SELECT value FROM json_each(?))`,
      )
      .run(at, userId, json(ids)).changes;
  }
}
