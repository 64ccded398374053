/**
 * Comment threads on the embedded store, measured server-side: the thread list of a busy
 * document (500 threads, 5,000 messages) and a priority inbox over 10,000 threads, through the
 * same service functions the REST routes call (store queries, people lookup, view building)
 * plus the JSON encoding Express does. No HTTP hop: the targets are server-side time.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { THEMATIC_PRIORITIES, type CommentThread, type ThreadMessage } from '@polisee/domain';
import { pino } from 'pino';
import { createDocument } from '../../src/services/createDocument.js';
import { createServiceContext, type ServiceContext } from '../../src/services/context.js';
import { loadActor, type AuthenticatedActor } from '../../src/services/loadActor.js';
import {
  inboxCounts,
  listDocumentThreads,
  priorityInbox,
} from '../../src/services/threads/readThreads.js';
import { seedDemoWorkspace } from '../../src/seed/seedDemoWorkspace.js';
import { SqliteStore } from '../../src/store/sqlite/SqliteStore.js';
import { runWhenMain, timed, type StoreBenchRow } from './measure.js';

const SIZES = {
  full: {
    documentThreads: 500,
    messagesPerThread: 10,
    inboxThreads: 10_000,
    inboxDocuments: 200,
    runs: 50,
  },
  quick: {
    documentThreads: 100,
    messagesPerThread: 10,
    inboxThreads: 2_000,
    inboxDocuments: 40,
    runs: 20,
  },
};

async function newDocument(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  workingGroupId: string,
  n: number,
) {
  return createDocument(ctx, actor, {
    title: `Bench document ${n}`,
    kind: 'workshop_notes',
    workingGroupId,
    thematicPriorities: ['financing'],
    language: 'en',
    countries: [],
  });
}

/** Writes threads straight through the store port: seeding is not what is measured. */
async function seedThreads(
  ctx: ServiceContext,
  input: {
    documentId: string;
    workingGroupId: string;
    authors: string[];
    threads: number;
    messagesPerThread: number;
    priority?: CommentThread['priority'];
    startAt: number;
  },
) {
  for (let i = 0; i < input.threads; i++) {
    const at = (offset: number) => new Date(input.startAt + i * 1000 + offset).toISOString();
    const authorId = input.authors[i % input.authors.length]!;
    const thread: CommentThread = {
      id: ctx.newId(),
      documentId: input.documentId,
      workingGroupId: input.workingGroupId,
      priority: input.priority ?? THEMATIC_PRIORITIES[i % THEMATIC_PRIORITIES.length]!,
      status: i % 4 === 0 ? 'resolved' : 'open',
      authorId,
      quote: `quoted text number ${i}`,
      anchorState: i % 10 === 0 ? 'document' : 'anchored',
      createdAt: at(0),
      resolvedAt: null,
      resolvedBy: null,
      lastActivityAt: at(0),
      lastActivityBy: authorId,
      messageCount: 0,
    };
    const message = (m: number): ThreadMessage => ({
      id: ctx.newId(),
      threadId: thread.id,
      authorId: input.authors[(i + m) % input.authors.length]!,
      body: `Message ${m} of thread ${i}: should the regional fund co-finance the cluster's pilot actions?`,
      mentions: m % 3 === 0 ? [input.authors[(i + m + 1) % input.authors.length]!] : [],
      createdAt: at(m + 1),
      editedAt: null,
      deletedAt: null,
    });
    await ctx.store.threads.create(thread, message(0));
    for (let m = 1; m < input.messagesPerThread; m++)
      await ctx.store.threads.addMessage(message(m));
  }
}

export async function runThreadBench(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<StoreBenchRow[]> {
  const size = options.quick ? SIZES.quick : SIZES.full;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polisee-bench-threads-'));
  const store = new SqliteStore(path.join(dir, 'polisee.db'));
  const ctx = createServiceContext(store, pino({ level: 'silent' }));
  try {
    await seedDemoWorkspace(ctx, { password: 'bench-password-0000' });
    const lead = (await loadActor(ctx, (await store.users.getByEmail('lead@polisee.test'))!.id))!;
    const group = lead.memberships.find((m) => m.role === 'wg_lead')!.workingGroupId;
    const authors = (await store.memberships.listForGroup(group)).map((m) => m.userId);
    const rows: StoreBenchRow[] = [];

    options.log(
      `threads: seeding a document with ${size.documentThreads} threads × ${size.messagesPerThread} messages`,
    );
    const busy = await newDocument(ctx, lead, group, 0);
    await seedThreads(ctx, {
      documentId: busy.id,
      workingGroupId: group,
      authors,
      threads: size.documentThreads,
      messagesPerThread: size.messagesPerThread,
      startAt: Date.UTC(2026, 0, 1),
    });
    const list = await timed(size.runs, () => listDocumentThreads(ctx, lead, busy.id, {}));
    rows.push({
      case: 'list a document’s threads (with messages)',
      size: `${size.documentThreads} threads, ${size.documentThreads * size.messagesPerThread} messages`,
      runs: size.runs,
      ...list,
      target: 50,
    });

    options.log(
      `threads: seeding ${size.inboxThreads} financing threads over ${size.inboxDocuments} documents`,
    );
    const perDocument = Math.ceil(size.inboxThreads / size.inboxDocuments);
    for (let d = 0; d < size.inboxDocuments; d++) {
      const doc = await newDocument(ctx, lead, group, d + 1);
      await seedThreads(ctx, {
        documentId: doc.id,
        workingGroupId: group,
        authors,
        threads: perDocument,
        messagesPerThread: 2,
        priority: 'financing',
        startAt: Date.UTC(2026, 1, 1) + d * perDocument * 1000,
      });
    }
    const inboxSize = `${size.inboxThreads} threads in the priority`;
    const query = { status: 'open', filter: 'all', limit: 30 } as const;
    const first = await timed(size.runs, () => priorityInbox(ctx, lead, 'financing', query));
    rows.push({
      case: 'priority inbox, first page (open, all)',
      size: inboxSize,
      runs: size.runs,
      ...first,
      target: 100,
    });
    const page = await priorityInbox(ctx, lead, 'financing', query);
    let cursor = page.nextCursor!;
    for (let i = 0; i < 9; i++)
      cursor = (await priorityInbox(ctx, lead, 'financing', { ...query, cursor })).nextCursor!;
    const tenth = await timed(size.runs, () =>
      priorityInbox(ctx, lead, 'financing', { ...query, cursor }),
    );
    rows.push({
      case: 'priority inbox, 11th page (cursor)',
      size: inboxSize,
      runs: size.runs,
      ...tenth,
      target: 100,
    });
    const mentions = await timed(size.runs, () =>
      priorityInbox(ctx, lead, 'financing', { ...query, filter: 'mentions' }),
    );
    rows.push({
      case: 'priority inbox, mentioning me',
      size: inboxSize,
      runs: size.runs,
      ...mentions,
      target: 100,
    });
    const resolved = await timed(size.runs, () =>
      priorityInbox(ctx, lead, 'financing', { ...query, status: 'resolved', filter: 'mine' }),
    );
    rows.push({
      case: 'priority inbox, resolved and mine',
      size: inboxSize,
      runs: size.runs,
      ...resolved,
      target: 100,
    });
    const counts = await timed(size.runs, () => inboxCounts(ctx, lead));
    rows.push({
      case: 'open and unread counts, six priorities',
      size: inboxSize,
      runs: size.runs,
      ...counts,
      target: 100,
    });
    return rows;
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, runThreadBench);
