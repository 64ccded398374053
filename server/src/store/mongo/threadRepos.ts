import { THEMATIC_PRIORITIES, type CommentThread, type ThreadMessage } from '@polisee/domain';
import { decodeCursor, encodeCursor } from '../cursor.js';
import type { InboxQuery, InboxRow, Page, PriorityCounts, ThreadRepo } from '../ports.js';
import type { DocumentDoc } from './documentModels.js';
import type { Models } from './models.js';
import type { MessageDoc, ReadDoc, ThreadDoc } from './threadModels.js';
import { and, before, literal, op, setOf } from './q.js';

/**
 * Threads, messages and read marks (notifications: notificationRepo.ts). Messages live in their
 * own collection (a thread may hold up to 1000 of them); participants and everyone ever mentioned
 * are sets on the thread (see threadModels.ts); read marks are one document per (user, thread).
 *
 * Without transactions, a message is written before the thread that counts it: a crash between
 * the two leaves a message the thread's counter and last activity do not show yet, never a
 * thread without its message.
 */

export function toThread(d: ThreadDoc): CommentThread {
  return {
    id: d._id,
    documentId: d.documentId,
    workingGroupId: d.workingGroupId,
    priority: d.priority,
    status: d.status,
    authorId: d.authorId,
    quote: d.quote ?? '',
    anchorState: d.anchorState,
    createdAt: d.createdAt,
    resolvedAt: d.resolvedAt ?? null,
    resolvedBy: d.resolvedBy ?? null,
    lastActivityAt: d.lastActivityAt,
    lastActivityBy: d.lastActivityBy,
    messageCount: d.messageCount,
  };
}

export function toMessage(d: MessageDoc): ThreadMessage {
  return {
    id: d._id,
    threadId: d.threadId,
    authorId: d.authorId,
    body: d.body ?? '',
    mentions: d.mentions ?? [],
    createdAt: d.createdAt,
    editedAt: d.editedAt ?? null,
    deletedAt: d.deletedAt ?? null,
  };
}

const NEWEST_ACTIVITY = { lastActivityAt: -1, _id: -1 } as const;

/** Unread: someone else acted on the thread after the reader last read it (or they never did). */
function isUnread(t: ThreadDoc, userId: string, readAt: string | undefined): boolean {
  return t.lastActivityBy !== userId && (readAt === undefined || readAt < t.lastActivityAt);
}

export function threadRepo({ Thread, Message, Read, Document }: Models): ThreadRepo {
  function insertMessage(m: ThreadMessage) {
    return Message.create({
      _id: m.id,
      threadId: m.threadId,
      authorId: m.authorId,
      body: m.body,
      mentions: m.mentions,
      createdAt: m.createdAt,
      editedAt: m.editedAt,
      deletedAt: m.deletedAt,
    });
  }

  /** Ids of the archived documents (of these groups): their threads leave inboxes and counts. */
  async function archivedDocumentIds(workingGroupIds: string[] | undefined): Promise<string[]> {
    const docs = await Document.find(
      and(
        { status: 'archived' },
        workingGroupIds ? { workingGroupId: op({ $in: workingGroupIds }) } : {},
      ),
      { _id: 1 },
    ).lean<Pick<DocumentDoc, '_id'>[]>();
    return docs.map((d) => d._id);
  }

  return {
    async create(thread, first) {
      await insertMessage(first);
      // As the SQLite adapter: the first message sets the counter, the last activity and the
      // first participant.
      await Thread.create({
        _id: thread.id,
        documentId: thread.documentId,
        workingGroupId: thread.workingGroupId,
        priority: thread.priority,
        status: thread.status,
        authorId: thread.authorId,
        quote: thread.quote,
        anchorState: thread.anchorState,
        createdAt: thread.createdAt,
        resolvedAt: thread.resolvedAt,
        resolvedBy: thread.resolvedBy,
        lastActivityAt: first.createdAt,
        lastActivityBy: first.authorId,
        messageCount: 1,
        participants: [first.authorId],
        mentioned: [...new Set(first.mentions)],
      });
    },

    async get(id) {
      const d = await Thread.findById(id).lean<ThreadDoc>();
      return d ? toThread(d) : null;
    },

    async listForDocument(documentId, filter) {
      const threads = await Thread.find(
        and(
          { documentId },
          filter.priority ? { priority: filter.priority } : {},
          filter.status ? { status: filter.status } : {},
        ),
      )
        .sort(NEWEST_ACTIVITY)
        .lean<ThreadDoc[]>();
      if (threads.length === 0) return [];
      // One query for every message of the listed threads, grouped in memory.
      const byThread = new Map<string, ThreadMessage[]>(threads.map((t) => [t._id, []]));
      const messages = await Message.find({ threadId: op({ $in: [...byThread.keys()] }) })
        .sort({ createdAt: 1, _id: 1 })
        .lean<MessageDoc[]>();
      for (const m of messages) byThread.get(m.threadId)?.push(toMessage(m));
      return threads.map((t) => ({ thread: toThread(t), messages: byThread.get(t._id) ?? [] }));
    },

    async messages(threadId) {
      const docs = await Message.find({ threadId })
        .sort({ createdAt: 1, _id: 1 })
        .lean<MessageDoc[]>();
      return docs.map(toMessage);
    },

    async getMessage(threadId, messageId) {
      const d = await Message.findOne({ _id: messageId, threadId }).lean<MessageDoc>();
      return d ? toMessage(d) : null;
    },

    async addMessage(m) {
      await insertMessage(m);
      await Thread.updateOne(
        { _id: m.threadId },
        {
          $inc: { messageCount: 1 },
          $set: { lastActivityAt: m.createdAt, lastActivityBy: m.authorId },
          $addToSet:
            m.mentions.length > 0
              ? { participants: m.authorId, mentioned: { $each: m.mentions } }
              : { participants: m.authorId },
        },
      );
    },

    async updateMessage(threadId, messageId, patch) {
      await Message.updateOne(
        { _id: messageId, threadId },
        {
          $set: {
            body: patch.body,
            mentions: patch.mentions,
            editedAt: patch.editedAt,
            deletedAt: patch.deletedAt,
          },
        },
      );
      // Mentions only ever accumulate on the thread, as in the SQLite adapter.
      if (patch.mentions.length > 0) {
        await Thread.updateOne(
          { _id: threadId },
          { $addToSet: { mentioned: { $each: patch.mentions } } },
        );
      }
    },

    async update(id, patch) {
      const update = setOf(patch, [
        'priority',
        'status',
        'resolvedAt',
        'resolvedBy',
        'anchorState',
        'lastActivityAt',
        'lastActivityBy',
      ]);
      if (update) await Thread.updateOne({ _id: id }, update);
    },

    async participants(threadId) {
      const d = await Thread.findById(threadId, { participants: 1 }).lean<
        Pick<ThreadDoc, 'participants'>
      >();
      return [...(d?.participants ?? [])].sort();
    },

    async listAnchorStates(documentId) {
      const docs = await Thread.find(
        { documentId, anchorState: op({ $ne: 'document' } as const) },
        { anchorState: 1 },
      )
        .sort({ _id: 1 })
        .lean<Pick<ThreadDoc, '_id' | 'anchorState'>[]>();
      return docs.map((d) => ({
        id: d._id,
        anchorState: d.anchorState,
      }));
    },

    async markRead(userId, threadId, at) {
      // `$max` on ISO strings: an older mark never replaces a newer one.
      await Read.updateOne({ userId, threadId }, { $max: { readAt: at } }, { upsert: true });
    },

    async inbox(q: InboxQuery): Promise<Page<InboxRow>> {
      if (q.workingGroupIds && q.workingGroupIds.length === 0) {
        return { items: [], nextCursor: null };
      }
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      const archived = await archivedDocumentIds(q.workingGroupIds);
      const threads = await Thread.find(
        and(
          { priority: q.priority, status: q.status },
          q.workingGroupIds ? { workingGroupId: op({ $in: q.workingGroupIds }) } : {},
          archived.length > 0 ? { documentId: op({ $nin: archived }) } : {},
          q.mine ? { participants: q.userId } : {},
          q.mentioning ? { mentioned: q.userId } : {},
          cursor ? before('lastActivityAt', cursor.at, cursor.id) : {},
        ),
      )
        .sort(NEWEST_ACTIVITY)
        .limit(q.limit + 1)
        .lean<ThreadDoc[]>();
      const page = threads.slice(0, q.limit);
      const last = page.at(-1);
      const nextCursor =
        threads.length > q.limit && last ? encodeCursor(last.lastActivityAt, last._id) : null;
      if (page.length === 0) return { items: [], nextCursor };

      const threadIds = page.map((t) => t._id);
      const [docs, reads, bodies] = await Promise.all([
        Document.find(
          { _id: op({ $in: [...new Set(page.map((t) => t.documentId))] }) },
          {
            title: 1,
          },
        ).lean<Pick<DocumentDoc, '_id' | 'title'>[]>(),
        Read.find({ userId: q.userId, threadId: op({ $in: threadIds }) }).lean<ReadDoc[]>(),
        // The newest message that is not deleted, per thread.
        Message.aggregate<{ _id: string; body: string }>([
          { $match: { threadId: { $in: threadIds.map(literal) }, deletedAt: null } },
          // Backwards along the by_thread index: each thread's newest message comes first.
          { $sort: { threadId: -1, createdAt: -1, _id: -1 } },
          { $group: { _id: '$threadId', body: { $first: '$body' } } },
        ]),
      ]);
      const titles = new Map(docs.map((d) => [d._id, d.title]));
      const readAt = new Map(reads.map((r) => [r.threadId, r.readAt]));
      const lastBody = new Map(bodies.map((b) => [b._id, b.body]));
      const items: InboxRow[] = [];
      for (const t of page) {
        const documentTitle = titles.get(t.documentId);
        if (documentTitle === undefined) continue; // as SQLite's join: no document, no row
        items.push({
          thread: toThread(t),
          documentTitle,
          unread: isUnread(t, q.userId, readAt.get(t._id)),
          lastBody: lastBody.get(t._id) ?? '',
        });
      }
      return { items, nextCursor };
    },

    async inboxCounts(q): Promise<PriorityCounts[]> {
      const counts = new Map<string, PriorityCounts>(
        THEMATIC_PRIORITIES.map((priority) => [priority, { priority, open: 0, unread: 0 }]),
      );
      if (q.workingGroupIds?.length === 0) return [...counts.values()];
      const archived = await archivedDocumentIds(q.workingGroupIds);
      const userId = literal(q.userId);
      // An aggregation is neither cast nor sanitized by Mongoose: every value in it is a string
      // checked by `literal`, and values inside expressions are wrapped in `$literal`.
      const match: Record<string, unknown> = { status: 'open' };
      if (q.workingGroupIds) match.workingGroupId = { $in: q.workingGroupIds.map(literal) };
      if (archived.length > 0) match.documentId = { $nin: archived };
      const rows = await Thread.aggregate<{ _id: string; open: number; unread: number }>([
        { $match: match },
        {
          // `let` + `pipeline` (MongoDB ≥ 3.6) rather than `localField` + `pipeline` (≥ 5.0, and
          // not in the CI stand-in): both are equality on (userId, threadId), served by the
          // `user_thread` index of the reads.
          $lookup: {
            from: Read.collection.collectionName,
            let: { threadId: '$_id' },
            pipeline: [
              { $match: { userId, $expr: { $eq: ['$threadId', '$$threadId'] } } },
              { $project: { _id: 0, readAt: 1 } },
            ],
            as: 'read',
          },
        },
        {
          $group: {
            _id: '$priority',
            open: { $sum: 1 },
            // Unread is counted over open threads: a resolved thread asks nothing of anyone.
            unread: {
              $sum: {
                $cond: [
                  {
                    $and: [
                      { $ne: ['$lastActivityBy', { $literal: userId }] },
                      {
                        $or: [
                          { $eq: [{ $size: '$read' }, 0] },
                          { $lt: [{ $arrayElemAt: ['$read.readAt', 0] }, '$lastActivityAt'] },
                        ],
                      },
                    ],
                  },
                  1,
                  0,
                ],
              },
            },
          },
        },
      ]);
      for (const row of rows) {
        const entry = counts.get(row._id);
        if (entry) Object.assign(entry, { open: row.open, unread: row.unread });
      }
      return [...counts.values()];
    },
  };
}
