import { z } from 'zod';
import {
  CommentThreadSchema,
  IdSchema,
  MentionsSchema,
  MessageBodySchema,
  ThematicPrioritySchema,
  ThreadMessageSchema,
  ThreadStatusSchema,
} from '@polisee/domain';

/**
 * A Yjs relative position (`Y.encodeRelativePosition`) in base64. Relative positions name the
 * characters themselves, not offsets, so the anchor lands on the same text however the document
 * changed between the click and the server.
 */
export const RelativePositionSchema = z
  .string()
  .min(4)
  .max(256)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

export const ThreadAnchorSchema = z.strictObject({
  from: RelativePositionSchema,
  to: RelativePositionSchema,
});
export type ThreadAnchor = z.infer<typeof ThreadAnchorSchema>;

/** Starting a thread: its priority, its first message and, unless it is about the whole document, the selection. */
export const CreateThreadRequestSchema = z.strictObject({
  priority: ThematicPrioritySchema,
  body: MessageBodySchema,
  mentions: MentionsSchema.default([]),
  anchor: ThreadAnchorSchema.optional(),
});
export type CreateThreadRequest = z.input<typeof CreateThreadRequestSchema>;

export const UpdateThreadRequestSchema = z
  .strictObject({
    status: ThreadStatusSchema.optional(),
    priority: ThematicPrioritySchema.optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change' });
export type UpdateThreadRequest = z.infer<typeof UpdateThreadRequestSchema>;

export const PostMessageRequestSchema = z.strictObject({
  body: MessageBodySchema,
  mentions: MentionsSchema.default([]),
});
export type PostMessageRequest = z.input<typeof PostMessageRequestSchema>;

export const ThreadMessageParamsSchema = z.object({ id: IdSchema, messageId: IdSchema });

/** Someone named in a thread (author, writer or mentioned), with their current name. */
export const ThreadPersonSchema = z.object({
  id: IdSchema,
  name: z.string(),
  organisationName: z.string(),
});
export type ThreadPerson = z.infer<typeof ThreadPersonSchema>;

/**
 * A thread with its messages, as the sidebar shows it and as live events carry it, with the
 * people it names, so a client can show names without a user directory it may not read.
 */
export const ThreadViewSchema = CommentThreadSchema.extend({
  messages: z.array(ThreadMessageSchema),
  people: z.array(ThreadPersonSchema),
});
export type ThreadView = z.infer<typeof ThreadViewSchema>;

export const DocumentThreadsQuerySchema = z.strictObject({
  priority: ThematicPrioritySchema.optional(),
  status: ThreadStatusSchema.optional(),
});
export type DocumentThreadsQuery = z.infer<typeof DocumentThreadsQuerySchema>;

/** Someone who may be @mentioned in a document's threads: a member of its working group. */
export const MentionableSchema = ThreadPersonSchema;
export type Mentionable = z.infer<typeof MentionableSchema>;

export const INBOX_FILTERS = ['all', 'mine', 'mentions'] as const;
export const InboxFilterSchema = z.enum(INBOX_FILTERS);
export type InboxFilter = z.infer<typeof InboxFilterSchema>;

/** An opaque page cursor handed back by the server. */
export const CursorSchema = z.string().min(1).max(200);

export const InboxQuerySchema = z.strictObject({
  status: ThreadStatusSchema.default('open'),
  filter: InboxFilterSchema.default('all'),
  cursor: CursorSchema.optional(),
  limit: z.coerce.number().int().min(1).max(100).default(30),
});
export type InboxQuery = z.infer<typeof InboxQuerySchema>;

export const InboxItemSchema = CommentThreadSchema.extend({
  documentTitle: z.string(),
  unread: z.boolean(),
  /** The latest message that is not deleted, as a one-line excerpt. */
  lastExcerpt: z.string(),
});
export type InboxItem = z.infer<typeof InboxItemSchema>;

export const InboxPageSchema = z.object({
  items: z.array(InboxItemSchema),
  nextCursor: CursorSchema.nullable(),
});
export type InboxPage = z.infer<typeof InboxPageSchema>;

export const InboxCountsSchema = z.object({
  priorities: z.array(
    z.object({
      priority: ThematicPrioritySchema,
      open: z.number().int().nonnegative(),
      unread: z.number().int().nonnegative(),
    }),
  ),
});
export type InboxCounts = z.infer<typeof InboxCountsSchema>;

export const PriorityParamSchema = z.object({ priority: ThematicPrioritySchema });
