import type { CommentThread, Notification, ThreadMessage } from '@polisee/domain';
import { Schema, type Types } from 'mongoose';
import type { ExportedThread } from '../ports.js';
import {
  base,
  int,
  nullableStr,
  str,
  strings,
  text,
  type SchemaPaths,
  type Stored,
} from './modelParts.js';

/** Comment threads, their messages, read marks, and notifications. */

/**
 * A comment thread. `participants` (authors) and `mentioned` (everyone ever mentioned) are sets
 * kept on the thread itself: both are bounded by the workspace's users, and they change in the
 * same single-document update that records the message's activity.
 */
export type ThreadDoc = Stored<CommentThread> & { participants: string[]; mentioned: string[] };
export const threadSchema = new Schema<ThreadDoc>(
  {
    _id: str,
    documentId: str,
    workingGroupId: str,
    priority: str,
    status: str,
    authorId: str,
    quote: text,
    anchorState: str,
    createdAt: str,
    resolvedAt: nullableStr,
    resolvedBy: nullableStr,
    lastActivityAt: str,
    lastActivityBy: str,
    messageCount: int,
    participants: strings,
    mentioned: strings,
  } satisfies SchemaPaths<ThreadDoc>,
  { ...base, collection: 'threads' },
);
threadSchema.index({ documentId: 1, lastActivityAt: -1, _id: -1 }, { name: 'by_document' });
// The priority inbox: equality on priority and status, then newest activity first.
threadSchema.index({ priority: 1, status: 1, lastActivityAt: -1, _id: -1 }, { name: 'inbox' });
threadSchema.index(
  { participants: 1, priority: 1, status: 1, lastActivityAt: -1, _id: -1 },
  { name: 'inbox_mine' },
);
threadSchema.index(
  { mentioned: 1, priority: 1, status: 1, lastActivityAt: -1, _id: -1 },
  { name: 'inbox_mentioning' },
);
threadSchema.index({ status: 1, workingGroupId: 1, priority: 1 }, { name: 'counts' });

export type MessageDoc = Stored<ThreadMessage>;
export const messageSchema = new Schema<MessageDoc>(
  {
    _id: str,
    threadId: str,
    authorId: str,
    body: text,
    mentions: strings,
    createdAt: str,
    editedAt: nullableStr,
    deletedAt: nullableStr,
  } satisfies SchemaPaths<MessageDoc>,
  { ...base, collection: 'threadMessages' },
);
// Oldest first for a thread; read backwards for the newest body that is not deleted.
messageSchema.index({ threadId: 1, createdAt: 1, _id: 1 }, { name: 'by_thread' });

/** When a user last read a thread: one document per (user, thread), with the default ObjectId. */
export type ReadDoc = ExportedThread['reads'][number] & { _id: Types.ObjectId; threadId: string };
export const readSchema = new Schema<ReadDoc>(
  { userId: str, threadId: str, readAt: str } satisfies SchemaPaths<Omit<ReadDoc, '_id'>>,
  { ...base, collection: 'threadReads' },
);
readSchema.index({ userId: 1, threadId: 1 }, { unique: true, name: 'user_thread' });
readSchema.index({ threadId: 1, userId: 1 }, { name: 'by_thread' });

export type NotificationDoc = Stored<Notification>;
export const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: str,
    userId: str,
    type: str,
    actorId: str,
    actorName: text,
    documentId: str,
    documentTitle: text,
    threadId: nullableStr,
    workshopId: nullableStr,
    priority: nullableStr,
    excerpt: text,
    createdAt: str,
    readAt: nullableStr,
  } satisfies SchemaPaths<NotificationDoc>,
  { ...base, collection: 'notifications' },
);
notificationSchema.index({ userId: 1, createdAt: -1, _id: -1 }, { name: 'by_user' });
// Unread lists and counts: `readAt: null` is an equality, so it sits in the index prefix.
notificationSchema.index({ userId: 1, readAt: 1, createdAt: -1, _id: -1 }, { name: 'unread' });
