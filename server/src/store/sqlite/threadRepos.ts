import type { Database } from 'better-sqlite3';
import { THEMATIC_PRIORITIES, type CommentThread, type ThreadMessage } from '@polisee/domain';
import type {
  InboxQuery,
  InboxRow,
  Page,
  PriorityCounts,
  ThreadFilter,
  ThreadRepo,
} from '../ports.js';
import { decodeCursor, encodeCursor } from '../cursor.js';
import { Assignments, Conditions, json } from './sql.js';
import { writeTransaction } from './writeTransaction.js';

interface ThreadRow {
  id: string;
  document_id: string;
  working_group_id: string;
  priority: string;
  status: string;
  author_id: string;
  quote: string;
  anchor_state: string;
  created_at: string;
  resolved_at: string | null;
  resolved_by: string | null;
  last_activity_at: string;
  last_activity_by: string;
  message_count: number;
}

interface MessageRow {
  id: string;
  thread_id: string;
  author_id: string;
  body: string;
  mentions: string;
  created_at: string;
  edited_at: string | null;
  deleted_at: string | null;
}

function decodeThread(r: ThreadRow): CommentThread {
  return {
    id: r.id,
    documentId: r.document_id,
    workingGroupId: r.working_group_id,
    priority: r.priority as CommentThread['priority'],
    status: r.status as CommentThread['status'],
    authorId: r.author_id,
    quote: r.quote,
    anchorState: r.anchor_state as CommentThread['anchorState'],
    createdAt: r.created_at,
    resolvedAt: r.resolved_at,
    resolvedBy: r.resolved_by,
    lastActivityAt: r.last_activity_at,
    lastActivityBy: r.last_activity_by,
    messageCount: r.message_count,
  };
}

function decodeMessage(r: MessageRow): ThreadMessage {
  return {
    id: r.id,
    threadId: r.thread_id,
    authorId: r.author_id,
    body: r.body,
    mentions: JSON.parse(r.mentions) as string[],
    createdAt: r.created_at,
    editedAt: r.edited_at,
    deletedAt: r.deleted_at,
  };
}

const MESSAGE_COLUMNS =
  'm.id, m.thread_id, m.author_id, m.body, m.mentions, m.created_at, m.edited_at, m.deleted_at';
type MessageTuple = [string, string, string, string, string, string, string | null, string | null];

function decodeMessageTuple(r: MessageTuple): ThreadMessage {
  return {
    id: r[0],
    threadId: r[1],
    authorId: r[2],
    body: r[3],
    // Most messages mention nobody: skip the parse.
    mentions: r[4] === '[]' ? [] : (JSON.parse(r[4]) as string[]),
    createdAt: r[5],
    editedAt: r[6],
    deletedAt: r[7],
  };
}

/** Oldest first; the id breaks ties between messages of the same millisecond. */
function byCreation(a: ThreadMessage, b: ThreadMessage): number {
  if (a.createdAt !== b.createdAt) return a.createdAt < b.createdAt ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Unread: someone else acted on the thread after the reader last read it (or they never did). */
const UNREAD_SQL = `(t.last_activity_by != @userId AND (r.read_at IS NULL OR r.read_at < t.last_activity_at))`;

export class SqliteThreadRepo implements ThreadRepo {
  constructor(private readonly db: Database) {}

  async create(thread: CommentThread, first: ThreadMessage) {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO comment_threads (id, document_id, working_group_id, priority, status, author_id, quote, anchor_state, created_at, resolved_at, resolved_by, last_activity_at, last_activity_by, message_count)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)`,
        )
        .run(
          thread.id,
          thread.documentId,
          thread.workingGroupId,
          thread.priority,
          thread.status,
          thread.authorId,
          thread.quote,
          thread.anchorState,
          thread.createdAt,
          thread.resolvedAt,
          thread.resolvedBy,
          thread.lastActivityAt,
          thread.lastActivityBy,
        );
      this.insertMessage(first);
    });
  }

  async get(id: string) {
    const row = this.db.prepare('SELECT * FROM comment_threads WHERE id = ?').get(id) as
      ThreadRow | undefined;
    return row ? decodeThread(row) : null;
  }

  async listForDocument(documentId: string, filter: ThreadFilter) {
    const where = new Conditions().add('t.document_id = ?', documentId);
    if (filter.priority) where.add('t.priority = ?', filter.priority);
    if (filter.status) where.add('t.status = ?', filter.status);
    const threads = (
      this.db
        .prepare(
          `SELECT t.* FROM comment_threads t ${where} ORDER BY t.last_activity_at DESC, t.id DESC`,
        )
        .all(...where.values) as ThreadRow[]
    ).map(decodeThread);
    if (threads.length === 0) return [];
    // One query for every message of the listed threads (found through the thread index, then
    // each thread's messages through theirs), rows as arrays, and no SQL sort: the rows come
    // grouped by thread in index order, and the per-thread sort below is a linear check.
    const byThread = new Map<string, ThreadMessage[]>(threads.map((t) => [t.id, []]));
    const rows = this.db
      .prepare(
        `SELECT ${MESSAGE_COLUMNS} FROM comment_threads t JOIN thread_messages m ON m.thread_id = t.id
         ${where}`,
      )
      .raw(true)
      .all(...where.values) as MessageTuple[];
    for (const row of rows) byThread.get(row[1])?.push(decodeMessageTuple(row));
    for (const messages of byThread.values()) messages.sort(byCreation);
    return threads.map((thread) => ({ thread, messages: byThread.get(thread.id) ?? [] }));
  }

  async messages(threadId: string) {
    return (
      this.db
        .prepare('SELECT * FROM thread_messages WHERE thread_id = ? ORDER BY created_at, id')
        .all(threadId) as MessageRow[]
    ).map(decodeMessage);
  }

  async getMessage(threadId: string, messageId: string) {
    const row = this.db
      .prepare('SELECT * FROM thread_messages WHERE id = ? AND thread_id = ?')
      .get(messageId, threadId) as MessageRow | undefined;
    return row ? decodeMessage(row) : null;
  }

  async addMessage(message: ThreadMessage) {
    writeTransaction(this.db, () => this.insertMessage(message));
  }

  async updateMessage(
    threadId: string,
    messageId: string,
    patch: Pick<ThreadMessage, 'body' | 'mentions' | 'editedAt' | 'deletedAt'>,
  ) {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          'UPDATE thread_messages SET body = ?, mentions = ?, edited_at = ?, deleted_at = ? WHERE id = ? AND thread_id = ?',
        )
        .run(
          patch.body,
          json(patch.mentions),
          patch.editedAt,
          patch.deletedAt,
          messageId,
          threadId,
        );
      this.insertMentions(threadId, patch.mentions);
    });
  }

  async update(id: string, patch: Parameters<ThreadRepo['update']>[1]) {
    const set = new Assignments()
      .set('priority', patch.priority)
      .set('status', patch.status)
      .set('resolved_at', patch.resolvedAt)
      .set('resolved_by', patch.resolvedBy)
      .set('anchor_state', patch.anchorState)
      .set('last_activity_at', patch.lastActivityAt)
      .set('last_activity_by', patch.lastActivityBy);
    if (set.empty) return;
    this.db.prepare(`UPDATE comment_threads SET ${set} WHERE id = ?`).run(...set.values, id);
  }

  async participants(threadId: string) {
    return (
      this.db
        .prepare('SELECT user_id FROM thread_participants WHERE thread_id = ? ORDER BY user_id')
        .all(threadId) as { user_id: string }[]
    ).map((r) => r.user_id);
  }

  async listAnchorStates(documentId: string) {
    return (
      this.db
        .prepare(
          `SELECT id, anchor_state FROM comment_threads WHERE document_id = ? AND anchor_state != 'document'`,
        )
        .all(documentId) as { id: string; anchor_state: CommentThread['anchorState'] }[]
    ).map((r) => ({ id: r.id, anchorState: r.anchor_state }));
  }

  async markRead(userId: string, threadId: string, at: string) {
    this.db
      .prepare(
        `INSERT INTO thread_reads (user_id, thread_id, read_at) VALUES (?, ?, ?)
         ON CONFLICT (user_id, thread_id) DO UPDATE SET read_at = max(read_at, excluded.read_at)`,
      )
      .run(userId, threadId, at);
  }

  async inbox(q: InboxQuery): Promise<Page<InboxRow>> {
    const where = new Conditions()
      .add('t.priority = @priority')
      .add('t.status = @status')
      .add("d.status != 'archived'");
    const params: Record<string, unknown> = {
      userId: q.userId,
      priority: q.priority,
      status: q.status,
      limit: q.limit + 1,
    };
    if (q.workingGroupIds) {
      if (q.workingGroupIds.length === 0) return { items: [], nextCursor: null };
      where.add(`t.working_group_id IN (SELECT value FROM json_each(@groups))`);
      params.groups = json(q.workingGroupIds);
    }
    if (q.mine) {
      where.add('t.id IN (SELECT thread_id FROM thread_participants WHERE user_id = @userId)');
    }
    if (q.mentioning) {
      where.add('t.id IN (SELECT thread_id FROM thread_mentions WHERE user_id = @userId)');
    }
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      where.add('(t.last_activity_at, t.id) < (@cursorAt, @cursorId)');
      params.cursorAt = at;
      params.cursorId = id;
    }
    const rows = this.db
      .prepare(
        `SELECT t.*, d.title AS document_title, ${UNREAD_SQL} AS unread,
           (SELECT body FROM thread_messages m WHERE m.thread_id = t.id AND m.deleted_at IS NULL
            ORDER BY m.created_at DESC, m.id DESC LIMIT 1) AS last_body
         FROM comment_threads t
         JOIN documents d ON d.id = t.document_id
         LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = @userId
         ${where}
         ORDER BY t.last_activity_at DESC, t.id DESC
         LIMIT @limit`,
      )
      .all(params) as (ThreadRow & {
      document_title: string;
      unread: number;
      last_body: string | null;
    })[];
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map((r) => ({
        thread: decodeThread(r),
        documentTitle: r.document_title,
        unread: r.unread === 1,
        lastBody: r.last_body ?? '',
      })),
      nextCursor:
        rows.length > q.limit && last ? encodeCursor(last.last_activity_at, last.id) : null,
    };
  }

  async inboxCounts(q: { userId: string; workingGroupIds?: string[] }): Promise<PriorityCounts[]> {
    const counts = new Map<string, PriorityCounts>(
      THEMATIC_PRIORITIES.map((priority) => [priority, { priority, open: 0, unread: 0 }]),
    );
    if (q.workingGroupIds?.length === 0) return [...counts.values()];
    const params: Record<string, unknown> = { userId: q.userId };
    let groupFilter = '';
    if (q.workingGroupIds) {
      groupFilter = 'AND t.working_group_id IN (SELECT value FROM json_each(@groups))';
      params.groups = json(q.workingGroupIds);
    }
    // Unread is counted over open threads: a resolved thread asks nothing of anyone.
    const rows = this.db
      .prepare(
        `SELECT t.priority AS priority, COUNT(*) AS open, SUM(${UNREAD_SQL}) AS unread
         FROM comment_threads t
         JOIN documents d ON d.id = t.document_id
         LEFT JOIN thread_reads r ON r.thread_id = t.id AND r.user_id = @userId
         WHERE t.status = 'open' AND d.status != 'archived' ${groupFilter}
         GROUP BY t.priority`,
      )
      .all(params) as { priority: string; open: number; unread: number | null }[];
    for (const row of rows) {
      const entry = counts.get(row.priority);
      if (entry) Object.assign(entry, { open: row.open, unread: row.unread ?? 0 });
    }
    return [...counts.values()];
  }

  /** Inside a transaction: the message, the thread's counters and the author as participant. */
  private insertMessage(m: ThreadMessage) {
    this.db
      .prepare(
        `INSERT INTO thread_messages (id, thread_id, author_id, body, mentions, created_at, edited_at, deleted_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        m.id,
        m.threadId,
        m.authorId,
        m.body,
        json(m.mentions),
        m.createdAt,
        m.editedAt,
        m.deletedAt,
      );
    this.db
      .prepare(
        `UPDATE comment_threads SET message_count = message_count + 1, last_activity_at = ?, last_activity_by = ? WHERE id = ?`,
      )
      .run(m.createdAt, m.authorId, m.threadId);
    this.db
      .prepare('INSERT OR IGNORE INTO thread_participants (thread_id, user_id) VALUES (?, ?)')
      .run(m.threadId, m.authorId);
    this.insertMentions(m.threadId, m.mentions);
  }

  private insertMentions(threadId: string, userIds: string[]) {
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO thread_mentions (thread_id, user_id) VALUES (?, ?)',
    );
    for (const userId of userIds) insert.run(threadId, userId);
  }
}
