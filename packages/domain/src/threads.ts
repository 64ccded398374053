import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { ThematicPrioritySchema } from './priorities.js';
import { multiLineText } from './userText.js';

export const THREAD_STATUSES = ['open', 'resolved'] as const;
export const ThreadStatusSchema = z.enum(THREAD_STATUSES);
export type ThreadStatus = z.infer<typeof ThreadStatusSchema>;

/**
 * Where a thread hangs: `anchored` to text in the document (through the `commentThread` mark),
 * `orphaned` once every character it covered is deleted (it stays listed with its quote), or
 * `document` for a thread about the whole document.
 */
export const ANCHOR_STATES = ['anchored', 'orphaned', 'document'] as const;
export const AnchorStateSchema = z.enum(ANCHOR_STATES);
export type AnchorState = z.infer<typeof AnchorStateSchema>;

/** Limits, each with its reason. */
export const THREAD_LIMITS = {
  /** A comment is a paragraph or a few, not a chapter: long texts belong in the document. */
  bodyChars: 5000,
  /** The quote is shown beside the thread; the anchor itself covers any length of text. */
  quoteChars: 1000,
  /** Mentions beyond a working group's size are a mistake or abuse. */
  mentionsPerMessage: 50,
  /** A thread this long has become a document of its own; stops unbounded growth of one row. */
  messagesPerThread: 1000,
} as const;

export const MessageBodySchema = multiLineText({ max: THREAD_LIMITS.bodyChars });

export const MentionsSchema = z
  .array(IdSchema)
  .max(THREAD_LIMITS.mentionsPerMessage)
  .transform((ids) => [...new Set(ids)]);

export const ThreadMessageSchema = z.object({
  id: IdSchema,
  threadId: IdSchema,
  authorId: IdSchema,
  /** Empty once deleted: the message keeps its place in the thread, its text is gone. */
  body: z.string(),
  mentions: z.array(IdSchema),
  createdAt: IsoDateTimeSchema,
  editedAt: IsoDateTimeSchema.nullable(),
  deletedAt: IsoDateTimeSchema.nullable(),
});
export type ThreadMessage = z.infer<typeof ThreadMessageSchema>;

export const CommentThreadSchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  /** The document's working group, kept on the thread so inbox queries filter without a join. */
  workingGroupId: IdSchema,
  priority: ThematicPrioritySchema,
  status: ThreadStatusSchema,
  authorId: IdSchema,
  /** The text the thread was started on, as it read then (empty for document threads). */
  quote: z.string(),
  anchorState: AnchorStateSchema,
  createdAt: IsoDateTimeSchema,
  resolvedAt: IsoDateTimeSchema.nullable(),
  resolvedBy: IdSchema.nullable(),
  /** Last message, resolve, reopen or priority change: orders inboxes, drives unread. */
  lastActivityAt: IsoDateTimeSchema,
  lastActivityBy: IdSchema,
  messageCount: z.number().int().nonnegative(),
});
export type CommentThread = z.infer<typeof CommentThreadSchema>;
