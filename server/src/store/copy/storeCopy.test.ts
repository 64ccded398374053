import { spawnSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { seedDemoWorkspace } from '../../seed/seedDemoWorkspace.js';
import { createServiceContext } from '../../services/context.js';
import {
  buildMessage,
  buildNotification,
  buildReview,
  buildThread,
  buildVersion,
} from '../../testing/factories.js';
import { freshDatabaseName, mongoSkippedLine, TEST_MONGODB_URI } from '../../testing/mongo.js';
import {
  buildBallot,
  buildOutcome,
  buildPoll,
  buildWorkshop,
} from '../../testing/workshopFactories.js';
import { MongoStore } from '../mongo/MongoStore.js';
import type { Store } from '../ports.js';
import { SqliteStore } from '../sqlite/SqliteStore.js';
import {
  compareSummaries,
  copyStore,
  openStoreUrl,
  StoreCopyError,
  summarize,
} from './storeCopy.js';
import { demoDocuments } from '../../seed/demoDocuments.js';
import { JSP_THREADS } from '../../seed/demoThreads.js';
import { storedContentHash } from '../../content/storedContentHash.js';

const dir = mkdtempSync(path.join(tmpdir(), 'polisee-copy-'));
const sourceFile = path.join(dir, 'source.db');
let source: SqliteStore;

/** A demo workspace plus what the demo has none of: log entries, a thread, a notification. */
async function seedSource(store: Store) {
  const ctx = createServiceContext(store, pino({ level: 'silent' }));
  await seedDemoWorkspace(ctx, { password: 'copy-test-password' });
  const [doc, other] = await store.documents.list({});
  const lead = (await store.users.getByEmail('lead@polisee.test'))!;
  const member = (await store.users.getByEmail('member@polisee.test'))!;

  // Edits after the initial snapshot, then a compaction covering some of them: a snapshot with
  // lastSeq > 0 and a log after it.
  const stored = (await store.documentState.load(doc!.id))!;
  const ydoc = new Y.Doc();
  Y.applyUpdate(ydoc, stored.snapshot!);
  const edit = (text: string) => {
    const before = Y.encodeStateVector(ydoc);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText(text)]);
    const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
    fragment.insert(fragment.length, [paragraph]);
    return Y.encodeStateAsUpdate(ydoc, before);
  };
  const seq = await store.documentState.append(doc!.id, [edit('one'), edit('two')]);
  await store.documentState.compact(doc!.id, Y.encodeStateAsUpdate(ydoc), seq);
  await store.documentState.append(doc!.id, [edit('three')]);
  await store.documentState.append(other!.id, [edit('elsewhere')]);

  const thread = buildThread({
    documentId: doc!.id,
    workingGroupId: doc!.workingGroupId,
    authorId: lead.id,
    createdAt: '2026-01-01T10:00:00.000Z',
  });
  const first = buildMessage({
    threadId: thread.id,
    authorId: lead.id,
    createdAt: '2026-01-01T10:00:00.000Z',
    mentions: [member.id],
  });
  await store.threads.create(thread, first);
  await store.threads.addMessage(
    buildMessage({
      threadId: thread.id,
      authorId: member.id,
      createdAt: '2026-01-01T11:00:00.000Z',
    }),
  );
  // The mention is edited away, the thread resolved, and read by the lead.
  await store.threads.updateMessage(thread.id, first.id, {
    body: 'edited',
    mentions: [],
    editedAt: '2026-01-01T12:00:00.000Z',
    deletedAt: null,
  });
  await store.threads.update(thread.id, {
    status: 'resolved',
    resolvedAt: '2026-01-01T13:00:00.000Z',
    resolvedBy: lead.id,
    lastActivityAt: '2026-01-01T13:00:00.000Z',
    lastActivityBy: lead.id,
  });
  await store.threads.markRead(lead.id, thread.id, '2026-01-01T14:00:00.000Z');
  await store.notifications.addMany([
    buildNotification({ userId: member.id, documentId: doc!.id, threadId: thread.id }),
    buildNotification({
      userId: lead.id,
      documentId: doc!.id,
      readAt: '2026-01-02T00:00:00.000Z',
    }),
  ]);
  // A history with a gap-free numbering (after the version every seeded document starts
  // with), a review round with a verdict, and a publication.
  const draft = await store.versions.create(
    buildVersion({ documentId: doc!.id, kind: 'auto', createdAt: '2026-01-03T00:00:00.000Z' }),
    Y.encodeStateAsUpdate(ydoc),
  );
  const frozen = await store.versions.create(
    buildVersion({
      documentId: doc!.id,
      kind: 'review',
      createdBy: lead.id,
      contributors: [{ userId: member.id, organisationId: member.organisationId }],
      sourceVersionId: null,
    }),
    Y.encodeStateAsUpdate(ydoc),
  );
  await store.reviews.create(
    buildReview({
      documentId: doc!.id,
      workingGroupId: doc!.workingGroupId,
      versionId: frozen.id,
      requestedBy: lead.id,
      reviewers: [
        { userId: member.id, verdict: 'approve', summary: '', givenAt: '2026-01-04T00:00:00.000Z' },
      ],
      state: 'closed',
      closedAt: '2026-01-05T00:00:00.000Z',
    }),
  );
  await store.publications.add({
    id: 'publication-1',
    documentId: doc!.id,
    versionId: frozen.id,
    publishedAt: '2026-01-05T00:00:00.000Z',
    publishedBy: lead.id,
  });
  expect([draft.number, frozen.number]).toEqual([2, 3]);

  // An ended workshop with a closed poll and its ballots, a decision and the attendance.
  const workshop = buildWorkshop({
    workingGroupId: doc!.workingGroupId,
    notesDocumentId: doc!.id,
    createdBy: lead.id,
    guestIds: [member.id],
    status: 'ended',
    startedAt: '2026-01-06T09:00:00.000Z',
    endedAt: '2026-01-06T11:00:00.000Z',
  });
  await store.workshops.create(workshop);
  const poll = buildPoll({
    workshopId: workshop.id,
    openedBy: lead.id,
    kind: 'dots',
    dots: 3,
    openedAt: '2026-01-06T09:30:00.000Z',
  });
  await store.workshops.createPoll(poll);
  for (const userId of [lead.id, member.id]) {
    await store.workshops.castBallot(
      buildBallot({ poll, userId, allocations: [{ optionId: poll.options[1]!.id, value: 3 }] }),
    );
  }
  await store.workshops.closePoll(poll.id, '2026-01-06T09:40:00.000Z');
  await store.workshops.addOutcome(
    buildOutcome({
      workshopId: workshop.id,
      createdBy: lead.id,
      kind: 'action',
      ownerId: member.id,
      dueDate: '2026-02-01',
    }),
  );
  await store.workshops.recordJoin({
    workshopId: workshop.id,
    userId: member.id,
    joinedAt: '2026-01-06T09:01:00.000Z',
    leftAt: null,
  });
  await store.workshops.closeAttendance(workshop.id, '2026-01-06T11:00:00.000Z');

  // Consent sign-off: a signatory, a request answered twice and then lapsed, a later one open.
  const versionId = (await store.versions.list(doc!.id, { limit: 1 }))[0]!.id;
  await store.signoffs.setSignatory({
    workingGroupId: doc!.workingGroupId,
    organisationId: lead.organisationId,
    userId: lead.id,
    setBy: lead.id,
    setAt: '2026-01-07T09:00:00.000Z',
  });
  const signoff = {
    id: randomUUID(),
    documentId: doc!.id,
    workingGroupId: doc!.workingGroupId,
    versionId,
    requestedBy: lead.id,
    requestedAt: '2026-01-07T10:00:00.000Z',
    message: 'Please sign off the plan.',
    quorum: 'all' as const,
    required: 2,
    organisationIds: [lead.organisationId, member.organisationId],
    answers: [],
    withdrawnAt: null,
    withdrawnBy: null,
    lapsedAt: null,
  };
  await store.signoffs.create(signoff);
  await store.signoffs.addAnswer(signoff.id, {
    organisationId: lead.organisationId,
    userId: lead.id,
    answer: 'consent_with_reservations',
    text: 'Subject to the budget annex.',
    answeredAt: '2026-01-07T11:00:00.000Z',
  });
  await store.signoffs.markLapsed(signoff.id, '2026-01-08T09:00:00.000Z');
  await store.signoffs.create({
    ...signoff,
    id: randomUUID(),
    requestedAt: '2026-01-08T10:00:00.000Z',
  });

  // The contribution ledger and the Yjs client bindings of one document.
  const by = { userId: member.id, organisationId: member.organisationId, country: 'RO' };
  await store.attribution.bindClients([
    { documentId: doc!.id, clientId: 4242, ...by, boundAt: '2026-01-07T12:00:00.000Z' },
  ]);
  await store.attribution.appendContributions([
    {
      documentId: doc!.id,
      ...by,
      at: '2026-01-07T12:00:00.000Z',
      kind: 'edit',
      inserted: 12,
      deleted: 0,
      suggestionIds: [],
    },
    {
      documentId: doc!.id,
      ...by,
      at: '2026-01-07T12:00:00.000Z',
      kind: 'suggestion',
      inserted: 5,
      deleted: 2,
      suggestionIds: ['s-1'],
    },
  ]);

  // The audit log: a sign-in and a failed one, with their addresses.
  for (const [i, action] of (['auth.signed_in', 'auth.sign_in_failed'] as const).entries()) {
    await store.audit.append({
      id: randomUUID(),
      at: `2026-01-07T13:0${i}:00.000Z`,
      action,
      actorId: i === 0 ? member.id : null,
      actorName: i === 0 ? member.name : null,
      organisationId: i === 0 ? member.organisationId : null,
      organisationName: null,
      address: '192.0.2.7',
      targetType: 'user',
      targetId: member.id,
      details: i === 0 ? {} : { email: 'member@polisee.test' },
    });
  }
  return { doc: doc!, thread };
}

beforeAll(async () => {
  source = new SqliteStore(sourceFile);
  await seedSource(source);
});
afterAll(async () => {
  await source.close();
  rmSync(dir, { recursive: true, force: true });
});

async function expectFaithfulCopy(target: Store) {
  const copied = await copyStore(source, target);
  expect(copied.document).toBeGreaterThan(0);
  expect(copied.thread).toBe(1 + JSP_THREADS.length); // ours plus the demo plan's
  // Ours, and the demo workshop's invitations to the strategy group's four other members.
  expect(copied.notification).toBe(2 + 4);
  // Ours, and the one every seeded document (the demo workshop's notes too) starts with.
  // The demo's published documents add their `published` copy and their publication.
  const published = demoDocuments().filter((d) => d.publish).length;
  expect(copied.version).toBe(2 + demoDocuments().length + 1 + published);
  // Ours and the demo's.
  expect([copied.review, copied.publication, copied.workshop]).toEqual([1, 1 + published, 2]);
  // Sign-offs, the contribution ledger and the audit log travel too (at least the test's own).
  expect(copied.signatory).toBeGreaterThanOrEqual(1);
  expect(copied.signoff).toBeGreaterThanOrEqual(2);
  expect(copied.attribution).toBeGreaterThanOrEqual(1);
  expect(copied.audit).toBeGreaterThanOrEqual(2);
  // The demo plan links to the demo good practice, whose published version has a summary.
  expect(copied.knowledge).toBeGreaterThanOrEqual(1);
  const comparison = compareSummaries(
    await summarize(source, storedContentHash),
    await summarize(target, storedContentHash),
  );
  expect(comparison.lines.join('\n')).not.toMatch(/MISMATCH/);
  expect(comparison.ok).toBe(true);

  // Spot checks through the port, beyond the digests.
  for (const doc of await source.documents.list({ includeArchived: true })) {
    expect(await target.signoffs.listForDocument(doc.id)).toEqual(
      await source.signoffs.listForDocument(doc.id),
    );
    expect(await target.attribution.listContributions({ documentIds: [doc.id] })).toEqual(
      await source.attribution.listContributions({ documentIds: [doc.id] }),
    );
  }
  expect(await target.audit.list({ limit: 100 })).toEqual(await source.audit.list({ limit: 100 }));
  for (const doc of await source.documents.list({ includeArchived: true })) {
    expect(await target.knowledge.linksTo(doc.id)).toEqual(await source.knowledge.linksTo(doc.id));
  }
  for (const doc of await source.documents.list({ includeArchived: true })) {
    const a = (await source.documentState.load(doc.id))!;
    const b = (await target.documentState.load(doc.id))!;
    expect(storedContentHash(b)).toBe(storedContentHash(a));
    expect(b.updates.map((u) => [...u.update])).toEqual(a.updates.map((u) => [...u.update]));
  }
  const member = (await target.users.getByEmail('member@polisee.test'))!;
  expect(member.passwordHash).toBe(
    (await source.users.getByEmail('member@polisee.test'))!.passwordHash,
  );
  const inbox = (store: Store) =>
    store.threads.inbox({
      userId: member.id,
      priority: 'financing',
      status: 'resolved',
      mentioning: true,
      limit: 10,
    });
  // The history reads the same: numbers, metadata, bytes and the published version.
  const [doc] = await source.documents.list({});
  const history = (store: Store) => store.versions.list(doc!.id, { limit: 100 });
  expect(await history(target)).toEqual(await history(source));
  for (const v of await history(source)) {
    expect(await target.versions.state(v.id)).toEqual(await source.versions.state(v.id));
  }
  expect(await target.reviews.listForDocument(doc!.id)).toEqual(
    await source.reviews.listForDocument(doc!.id),
  );
  expect(await target.publications.latest(doc!.id)).toEqual(
    await source.publications.latest(doc!.id),
  );
  expect(await inbox(target)).toEqual(await inbox(source));
  expect((await inbox(target)).items).toHaveLength(1);

  // The workshop reads the same through the port: its poll closed, both ballots, the action
  // and the stay (closed at the end), and the guest still sees it.
  const [workshop] = await source.workshops.list({});
  const [poll] = await source.workshops.listPolls(workshop!.id);
  expect(await target.workshops.get(workshop!.id)).toEqual(workshop);
  expect(await target.workshops.listGuestOf(member.id)).toEqual([workshop]);
  expect(await target.workshops.getPoll(poll!.id)).toMatchObject({ status: 'closed' });
  expect(await target.workshops.listBallots(poll!.id)).toEqual(
    await source.workshops.listBallots(poll!.id),
  );
  expect(await target.workshops.listBallots(poll!.id)).toHaveLength(2);
  expect(await target.workshops.listOutcomes(workshop!.id)).toEqual(
    await source.workshops.listOutcomes(workshop!.id),
  );
  expect(await target.workshops.listAttendance(workshop!.id)).toEqual([
    {
      workshopId: workshop!.id,
      userId: member.id,
      joinedAt: '2026-01-06T09:01:00.000Z',
      leftAt: '2026-01-06T11:00:00.000Z',
    },
  ]);
  expect(await target.workshops.listOpenPolls()).toEqual([]);
}

describe('store:copy', () => {
  it('copies SQLite to SQLite with identical counts, digests and document hashes', async () => {
    const target = new SqliteStore(path.join(dir, 'target.db'));
    try {
      await expectFaithfulCopy(target);
      // A second copy into the now non-empty target is refused, and writes nothing.
      const before = await summarize(target, storedContentHash);
      await expect(copyStore(source, target)).rejects.toThrow(StoreCopyError);
      await expect(copyStore(source, target)).rejects.toThrow(/not empty/);
      expect(compareSummaries(before, await summarize(target, storedContentHash)).ok).toBe(true);
    } finally {
      await target.close();
    }
  });

  it('reports a mismatch when the target differs', async () => {
    const target = new SqliteStore(path.join(dir, 'tampered.db'));
    try {
      await copyStore(source, target);
      const [doc] = await target.documents.list({});
      await target.documents.update(doc!.id, { title: 'Tampered' });
      await target.documentState.append(doc!.id, [Y.encodeStateAsUpdate(new Y.Doc())]);
      const comparison = compareSummaries(
        await summarize(source, storedContentHash),
        await summarize(target, storedContentHash),
      );
      expect(comparison.ok).toBe(false);
      expect(comparison.lines.join('\n')).toMatch(/document\s+\d+\s+\d+\s+MISMATCH/);
    } finally {
      await target.close();
    }
  });

  it('compares document content with the hash its caller gives', async () => {
    const target = new SqliteStore(path.join(dir, 'hashed.db'));
    try {
      await copyStore(source, target);
      // The same stores, seen through a hash that tells them apart: only the content row differs.
      let calls = 0;
      const differing = () => String(calls++);
      const comparison = compareSummaries(
        await summarize(source, storedContentHash),
        await summarize(target, differing),
      );
      expect(calls).toBeGreaterThan(0);
      expect(comparison.ok).toBe(false);
      expect(comparison.lines.join('\n')).toMatch(/document content\s+\d+\s+\d+\s+MISMATCH/);
      expect(comparison.lines.join('\n')).toMatch(/^document\s+\d+\s+\d+\s+ok$/m);
    } finally {
      await target.close();
    }
  });

  it('refuses a source file that does not exist (rather than copying an empty new one)', async () => {
    await expect(
      openStoreUrl('sqlite:./nothing-here.db', { cwd: dir, mustExist: true }),
    ).rejects.toThrow(/No SQLite store/);
    await expect(openStoreUrl('postgres://x')).rejects.toThrow(/Unsupported store URL/);
  });

  it('runs as a command: copies, prints the table, refuses a non-empty target', () => {
    const here = path.dirname(fileURLToPath(import.meta.url));
    const serverRoot = path.resolve(here, '../../..');
    // The command lives outside store/: it hands the copy its content hash.
    const cli = path.join(serverRoot, 'src/copy/cli.ts');
    // From the server directory (where tsx resolves), with paths relative to it.
    const rel = (file: string) => `sqlite:${path.relative(serverRoot, path.join(dir, file))}`;
    const run = (...args: string[]) =>
      spawnSync(process.execPath, ['--import', 'tsx', cli, ...args], {
        cwd: serverRoot,
        encoding: 'utf8',
      });
    const ok = run('--from', rel('source.db'), '--to', rel('cli-target.db'));
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toMatch(/organisation\s+5\s+5\s+ok/);
    expect(ok.stdout).toMatch(/document content\s+\d+\s+\d+\s+ok/);
    expect(ok.stdout).toMatch(/workshop ballots\s+2\s+2\s+ok/);
    const refused = run('--from', rel('source.db'), '--to', rel('cli-target.db'));
    expect(refused.status).toBe(2);
    expect(refused.stderr).toMatch(/not empty/);
  });
});

if (!TEST_MONGODB_URI) console.info(mongoSkippedLine('store:copy SQLite → MongoDB'));

describe.runIf(TEST_MONGODB_URI)('store:copy to MongoDB', () => {
  it('copies SQLite to MongoDB with identical counts, digests and document hashes', async () => {
    const target = await MongoStore.open(TEST_MONGODB_URI!, {
      dbName: freshDatabaseName('polisee_copy'),
    });
    try {
      await expectFaithfulCopy(target);
      await expect(copyStore(source, target)).rejects.toThrow(/not empty/);
    } finally {
      await target.dropDatabase();
      await target.close();
    }
  });
});
