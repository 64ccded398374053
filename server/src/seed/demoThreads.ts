import type { CommentThread, ThematicPriority, ThreadMessage } from '@polisee/domain';
import * as Y from 'yjs';
import { addThreadMark, anchorForText } from '../content/commentAnchors.js';
import type { ServiceContext } from '../services/context.js';

/** A seeded discussion: on these words (or the whole document), under this priority. */
interface DemoThread {
  on: string | null;
  priority: ThematicPriority;
  resolved?: boolean;
  /** [author email, body, mentioned emails] */
  messages: [string, string, string[]?][];
}

/** Threads on the English Joint Strategic Plan, in the words of the programme's own debates. */
export const JSP_THREADS: DemoThread[] = [
  {
    on: 'smart specialisation strategies',
    priority: 'specialisation',
    messages: [
      [
        'lead@polisee.test',
        'Should we name the regional RIS3 documents each partner region follows here?',
      ],
      [
        'member@polisee.test',
        'Yes — I will add the Romanian North-East RIS3 and ask the others. @Zsófia Kovács can you check the Hungarian one?',
        ['sc@polisee.test'],
      ],
    ],
  },
  {
    on: 'policy-learning mechanism',
    priority: 'innovation',
    messages: [
      [
        'observer@polisee.test',
        'From the Albanian side: the mechanism worked best when the foresight results reached the ministries early.',
      ],
    ],
  },
  {
    on: null,
    priority: 'financing',
    messages: [
      [
        'lead.financing@polisee.test',
        'Every joint action needs a financing line before the plan goes to review: EU funds, regional budgets or private co-financing.',
      ],
      [
        'lead@polisee.test',
        'Agreed. @Ioana Ionescu could your group draft the financing table?',
        ['lead.financing@polisee.test'],
      ],
    ],
  },
  {
    on: 'knowledge-based',
    priority: 'skills',
    resolved: true,
    messages: [
      ['stc@polisee.test', 'Please define “knowledge-based economy” in the glossary.'],
      ['member@polisee.test', 'Added to the glossary.'],
    ],
  },
];

/**
 * Writes demo threads into a new document's initial state (marks included) and the store.
 * Returns the state with the marks; threads whose words are not in the text are skipped.
 */
export async function seedDemoThreads(
  ctx: ServiceContext,
  input: {
    documentId: string;
    workingGroupId: string;
    initialState: Uint8Array;
    threads: DemoThread[];
    userIds: Map<string, string>;
    at: Date;
  },
): Promise<{ state: Uint8Array; write: () => Promise<void> }> {
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, input.initialState);
  const pending: { thread: CommentThread; messages: ThreadMessage[] }[] = [];
  let minute = 0;
  for (const demo of input.threads) {
    const id = ctx.newId();
    let quote = '';
    if (demo.on) {
      const anchor = anchorForText(ydoc, demo.on);
      const placed = anchor ? addThreadMark(ydoc, id, anchor, null) : null;
      if (!placed || 'failure' in placed) continue;
      quote = placed.quote;
    }
    const time = () => new Date(input.at.getTime() + ++minute * 60_000).toISOString();
    const messages = demo.messages.map(([email, body, mentions]) => ({
      id: ctx.newId(),
      threadId: id,
      authorId: input.userIds.get(email)!,
      body,
      mentions: (mentions ?? []).map((m) => input.userIds.get(m)!),
      createdAt: time(),
      editedAt: null,
      deletedAt: null,
    }));
    const last = messages.at(-1)!;
    pending.push({
      thread: {
        id,
        documentId: input.documentId,
        workingGroupId: input.workingGroupId,
        priority: demo.priority,
        status: demo.resolved ? 'resolved' : 'open',
        authorId: messages[0]!.authorId,
        quote,
        anchorState: demo.on ? 'anchored' : 'document',
        createdAt: messages[0]!.createdAt,
        resolvedAt: demo.resolved ? last.createdAt : null,
        resolvedBy: demo.resolved ? last.authorId : null,
        lastActivityAt: last.createdAt,
        lastActivityBy: last.authorId,
        messageCount: 0,
      },
      messages,
    });
  }
  const state = Y.encodeStateAsUpdate(ydoc);
  ydoc.destroy();
  return {
    state,
    // Threads are stored after their document exists.
    write: async () => {
      for (const { thread, messages } of pending) {
        const [first, ...replies] = messages;
        await ctx.store.threads.create(thread, first!);
        for (const reply of replies) await ctx.store.threads.addMessage(reply);
        if (thread.status === 'resolved') {
          await ctx.store.threads.update(thread.id, {
            status: 'resolved',
            resolvedAt: thread.resolvedAt,
            resolvedBy: thread.resolvedBy,
          });
        }
      }
    },
  };
}
