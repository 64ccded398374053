import { randomUUID } from 'node:crypto';
import { randomBytes } from 'node:crypto';
import { AppError } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import {
  buildActivity,
  buildDocument,
  buildInvitation,
  buildMessage,
  buildNotification,
  buildThread,
  buildUser,
  seedStoreBasics,
  seedStoreDocument,
  buildOrganisation,
  buildReview,
  buildVersion,
  buildWorkingGroup,
} from '../testing/factories.js';
import { contractAdapters, storeUnderTest, yUpdate } from '../testing/storeContract.js';
import {
  buildBallot,
  buildOutcome,
  buildPoll,
  buildWorkshop,
} from '../testing/workshopFactories.js';
import { EXPORT_KINDS, type ExportRecord, type Store } from './ports.js';
import { buildAssessmentScore } from '../testing/assessmentFactories.js';

/**
 * The store contract: every adapter passes this same suite (and `threadContract.test.ts`,
 * `versionContract.test.ts`). A new adapter adds one entry to `testing/storeAdapters.ts`; the
 * MongoDB adapter runs it when MONGODB_URI names a server (a fresh database per test, dropped
 * afterwards).
 */
const ADAPTERS = contractAdapters('contract');

for (const adapter of ADAPTERS) {
  describe(`store contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    const seedBasics = () => seedStoreBasics(store);

    it('starts empty and stops being empty once a user exists', async () => {
      expect(await store.isEmpty()).toBe(true);
      await seedBasics();
      expect(await store.isEmpty()).toBe(false);
    });

    it('stores organisations, users (unique email) and never lists password hashes', async () => {
      const { org, user } = await seedBasics();
      expect(await store.organisations.get(org.id)).toEqual(org);
      expect(await store.users.getByEmail(user.email)).toEqual(user);
      await expect(store.users.create({ ...user, id: 'other' })).rejects.toBeInstanceOf(AppError);
      const listed = await store.users.list();
      expect(listed).toHaveLength(1);
      expect(listed[0]).not.toHaveProperty('passwordHash');
      await store.users.update(user.id, { language: 'el', name: 'Renamed', isAdmin: true });
      expect(await store.users.get(user.id)).toMatchObject({
        language: 'el',
        name: 'Renamed',
        isAdmin: true,
      });
    });

    it('sets, changes, counts and removes memberships', async () => {
      const { user, group } = await seedBasics();
      await store.memberships.set({ userId: user.id, workingGroupId: group.id, role: 'observer' });
      await store.memberships.set({ userId: user.id, workingGroupId: group.id, role: 'wg_lead' });
      expect(await store.memberships.listForUser(user.id)).toEqual([
        { userId: user.id, workingGroupId: group.id, role: 'wg_lead' },
      ]);
      expect((await store.memberships.countByGroup()).get(group.id)).toBe(1);
      await store.memberships.remove(user.id, group.id);
      expect(await store.memberships.listForGroup(group.id)).toEqual([]);
    });

    it('uses an invitation once only, creating its account and membership', async () => {
      const { org, user, group } = await seedBasics();
      const inv = buildInvitation({ organisationId: org.id, createdBy: user.id });
      await store.invitations.create(inv);
      expect(await store.invitations.getByTokenHash(inv.tokenHash)).toEqual(inv);
      expect(await store.invitations.listPending(new Date().toISOString())).toHaveLength(1);
      const at = new Date().toISOString();
      const accept = () => {
        const invitee = buildUser({ organisationId: org.id, email: inv.email });
        const membership = {
          userId: invitee.id,
          workingGroupId: group.id,
          role: 'wg_member' as const,
        };
        return store.invitations.accept(inv.id, at, { user: invitee, membership });
      };
      // The loser of the race gets false, or the email's conflict where the email decides it.
      const results = await Promise.allSettled([accept(), accept()]);
      expect(results.filter((r) => r.status === 'fulfilled' && r.value)).toHaveLength(1);
      for (const r of results) {
        if (r.status === 'rejected') expect((r.reason as AppError).code).toBe('conflict');
      }
      expect(await store.invitations.listPending(new Date().toISOString())).toHaveLength(0);
      const invitee = await store.users.getByEmail(inv.email);
      expect(await store.memberships.listForUser(invitee!.id)).toEqual([
        { userId: invitee!.id, workingGroupId: group.id, role: 'wg_member' },
      ]);
    });

    it('leaves an invitation unused when its account cannot be created', async () => {
      const { org, user } = await seedBasics();
      const inv = buildInvitation({
        organisationId: org.id,
        createdBy: user.id,
        email: user.email,
      });
      await store.invitations.create(inv);
      const invitee = buildUser({ organisationId: org.id, email: user.email });
      await expect(
        store.invitations.accept(inv.id, new Date().toISOString(), {
          user: invitee,
          membership: null,
        }),
      ).rejects.toMatchObject({ code: 'conflict' });
      expect((await store.invitations.getByTokenHash(inv.tokenHash))?.acceptedAt).toBeNull();
      expect(await store.users.get(invitee.id)).toBeNull();
    });

    it('keeps sessions until they expire and ends all of a user but one', async () => {
      const now = Date.now();
      await store.sessions.set({ sid: 'a', userId: 'u1', data: '{"x":1}', expiresAt: now + 1000 });
      await store.sessions.set({ sid: 'b', userId: 'u1', data: '{}', expiresAt: now + 1000 });
      await store.sessions.set({ sid: 'c', userId: 'u2', data: '{}', expiresAt: now - 1 });
      expect((await store.sessions.get('a', now))?.data).toBe('{"x":1}');
      expect(await store.sessions.get('c', now)).toBeNull();
      await store.sessions.destroyForUser('u1', 'a');
      expect(await store.sessions.get('b', now)).toBeNull();
      expect(await store.sessions.get('a', now)).not.toBeNull();
      expect(await store.sessions.purgeExpired(now)).toBe(1);
      await store.sessions.destroy('a');
      expect(await store.sessions.get('a', now)).toBeNull();
    });

    it('creates documents with their state and filters the catalogue', async () => {
      const { user, group } = await seedBasics();
      const other = buildWorkingGroup();
      await store.workingGroups.create(other);
      const a = buildDocument({
        workingGroupId: group.id,
        createdBy: user.id,
        thematicPriorities: ['financing'],
        countries: ['RO'],
      });
      const b = buildDocument({
        workingGroupId: group.id,
        createdBy: user.id,
        kind: 'foresight_exercise',
        thematicPriorities: ['innovation', 'skills'],
      });
      const c = buildDocument({ workingGroupId: other.id, createdBy: user.id, status: 'archived' });
      for (const d of [a, b, c]) await store.documents.create(d, yUpdate(d.title));
      expect(await store.documents.get(a.id)).toEqual(a);
      const ids = async (f: Parameters<Store['documents']['list']>[0]) =>
        (await store.documents.list(f)).map((d) => d.id).sort();
      expect(await ids({})).toEqual([a.id, b.id].sort());
      expect(await ids({ includeArchived: true })).toEqual([a.id, b.id, c.id].sort());
      expect(await ids({ priority: 'financing' })).toEqual([a.id]);
      expect(await ids({ priority: 'skills' })).toEqual([b.id]);
      expect(await ids({ kind: 'foresight_exercise' })).toEqual([b.id]);
      expect(await ids({ country: 'RO' })).toEqual([a.id]);
      expect(await ids({ status: 'archived' })).toEqual([c.id]);
      expect(await ids({ workingGroupIds: [other.id], includeArchived: true })).toEqual([c.id]);
      expect(await ids({ workingGroupIds: [] })).toEqual([]);
      await store.documents.update(a.id, { title: 'Renamed', thematicPriorities: ['skills'] });
      expect(await store.documents.get(a.id)).toMatchObject({
        title: 'Renamed',
        thematicPriorities: ['skills'],
        suggestOnlyIds: [],
      });
      await store.documents.update(a.id, { suggestOnlyIds: [user.id] });
      expect((await store.documents.get(a.id))?.suggestOnlyIds).toEqual([user.id]);
      expect((await store.documents.get(a.id))?.title).toBe('Renamed');
    });

    it('appends to the update log, loads snapshot plus log, and compacts without losing updates', async () => {
      const { user, group } = await seedBasics();
      const source = new Y.Doc();
      const initial = yUpdate('A', source);
      const d = buildDocument({ workingGroupId: group.id, createdBy: user.id });
      await store.documents.create(d, initial);
      const seq1 = await store.documentState.append(d.id, [
        yUpdate('B', source),
        yUpdate('C', source),
      ]);
      const seq2 = await store.documentState.append(d.id, [yUpdate('D', source)]);
      expect(seq2).toBe(seq1 + 1);

      const rebuild = async () => {
        const stored = (await store.documentState.load(d.id))!;
        const doc = new Y.Doc();
        if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
        stored.updates.forEach((u) => Y.applyUpdate(doc, u.update));
        return { text: doc.getText('t').toString(), stored };
      };
      expect((await rebuild()).text).toBe('ABCD');

      const loaded = await rebuild();
      const compactDoc = new Y.Doc();
      Y.applyUpdate(compactDoc, loaded.stored.snapshot!);
      const covered = loaded.stored.updates.filter((u) => u.seq <= seq1);
      covered.forEach((u) => Y.applyUpdate(compactDoc, u.update));
      await store.documentState.compact(d.id, Y.encodeStateAsUpdate(compactDoc), seq1);
      const after = await rebuild();
      expect(after.text).toBe('ABCD');
      expect(after.stored.snapshotSeq).toBe(seq1);
      expect(after.stored.updates.map((u) => u.seq)).toEqual([seq2]);
      // Sequences keep growing after compaction: never reused.
      expect(await store.documentState.append(d.id, [yUpdate('E', source)])).toBe(seq2 + 1);
      expect(await store.documentState.load('missing')).toBeNull();
    });

    it('compacts only over a snapshot covering less, and under a fence only over an older one', async () => {
      const source = new Y.Doc();
      const { doc } = await seedStoreDocument(store, yUpdate('A', source));
      const seq1 = await store.documentState.append(doc.id, [yUpdate('B', source)]);
      const seq2 = await store.documentState.append(doc.id, [yUpdate('C', source)]);
      const stateAt = (text: string) => {
        const d = new Y.Doc();
        d.getText('t').insert(0, text);
        return Y.encodeStateAsUpdate(d);
      };
      const stored = async () => (await store.documentState.load(doc.id))!;

      // Two processes compacting in turn: tokens 7 then 9 land, a stale 8 is refused after 9.
      expect(await store.documentState.compact(doc.id, stateAt('ABC'), seq2, 7)).toBe(true);
      const seq3 = await store.documentState.append(doc.id, [yUpdate('D', source)]);
      const abcd = stateAt('ABCD');
      expect(await store.documentState.compact(doc.id, abcd, seq3, 9)).toBe(true);
      const seq4 = await store.documentState.append(doc.id, [yUpdate('E', source)]);
      expect(await store.documentState.compact(doc.id, stateAt('stale'), seq4, 8)).toBe(false);
      // Refused means untouched: the snapshot of token 9 and the entry after it are both kept.
      expect(Buffer.compare((await stored()).snapshot!, abcd)).toBe(0);
      expect((await stored()).snapshotSeq).toBe(seq3);
      expect((await stored()).updates.map((u) => u.seq)).toEqual([seq4]);
      // Never over a snapshot that covers as much, fenced or not.
      expect(await store.documentState.compact(doc.id, stateAt('old'), seq1)).toBe(false);
      expect(await store.documentState.compact(doc.id, stateAt('old'), seq3, 10)).toBe(false);
      expect((await stored()).snapshotSeq).toBe(seq3);
      // A later token that covers more lands; so does an unfenced compaction after it.
      expect(await store.documentState.compact(doc.id, stateAt('ABCDE'), seq4, 10)).toBe(true);
      expect((await stored()).updates).toEqual([]);
      const seq5 = await store.documentState.append(doc.id, [yUpdate('F', source)]);
      expect(await store.documentState.compact(doc.id, stateAt('ABCDEF'), seq5)).toBe(true);
      expect((await stored()).snapshotSeq).toBe(seq5);
    });

    it("keeps 40 MiB states byte-identical across a restart (past MongoDB's 16 MiB document limit)", async () => {
      // Random bytes: incompressible, and the store treats states as opaque.
      const big = (seed: number) => {
        const bytes = new Uint8Array(randomBytes(40 * 1024 * 1024));
        bytes[0] = seed;
        return bytes;
      };
      const created = big(1);
      const { doc } = await seedStoreDocument(store, created);
      const compacted = big(2);
      const seq = await store.documentState.append(doc.id, [yUpdate('after')]);
      await store.documentState.compact(doc.id, compacted, seq);
      const versionState = big(3);
      const version = await store.versions.create(
        buildVersion({ documentId: doc.id }),
        versionState,
      );

      await store.reopen();

      const loaded = (await store.documentState.load(doc.id))!;
      expect(loaded.snapshotSeq).toBe(seq);
      expect(loaded.updates).toEqual([]);
      expect(Buffer.compare(loaded.snapshot!, compacted)).toBe(0);
      expect(Buffer.compare((await store.versions.state(version.id))!, versionState)).toBe(0);
      // And back to a small state: the large one is replaced, not kept beside it.
      const small = yUpdate('small');
      await store.documentState.compact(doc.id, small, seq + 1);
      expect((await store.documentState.load(doc.id))!.snapshot).toEqual(small);
    }, 120_000);

    it('lists activity newest first, per working group', async () => {
      const { user, group } = await seedBasics();
      const older = buildActivity({
        actorId: user.id,
        workingGroupId: group.id,
        at: '2026-01-01T00:00:00.000Z',
      });
      const newer = buildActivity({
        actorId: user.id,
        workingGroupId: group.id,
        at: '2026-02-01T00:00:00.000Z',
      });
      const elsewhere = buildActivity({
        actorId: user.id,
        workingGroupId: 'other',
        at: '2026-03-01T00:00:00.000Z',
      });
      for (const a of [older, newer, elsewhere]) await store.activity.add(a);
      expect(
        (await store.activity.list({ workingGroupIds: [group.id], limit: 10 })).map((a) => a.id),
      ).toEqual([newer.id, older.id]);
      expect(await store.activity.list({ limit: 1 })).toEqual([elsewhere]);
    });

    const seedDocument = () => seedStoreDocument(store, yUpdate('x'));

    /** Timestamps a fixed distance apart, so ordering never depends on the clock. */
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

    it('exports everything but sessions, kind by kind, each by id, as the repos return it', async () => {
      const { org, user, group, doc } = await seedDocument();
      const otherOrg = buildOrganisation({ name: 'Another' });
      await store.organisations.create(otherOrg);
      await store.memberships.set({ userId: user.id, workingGroupId: group.id, role: 'wg_lead' });
      const invitation = buildInvitation({
        organisationId: org.id,
        createdBy: user.id,
        membership: { workingGroupId: group.id, role: 'observer' },
      });
      await store.invitations.create(invitation);
      const activity = buildActivity({ actorId: user.id, workingGroupId: group.id });
      await store.activity.add(activity);
      await store.documentState.append(doc.id, [yUpdate('more')]);
      const thread = buildThread({
        documentId: doc.id,
        workingGroupId: group.id,
        authorId: user.id,
      });
      const first = buildMessage({
        threadId: thread.id,
        authorId: user.id,
        createdAt: at(1),
        mentions: ['mentioned-then-unmentioned'],
      });
      await store.threads.create(thread, first);
      await store.threads.addMessage(
        buildMessage({ threadId: thread.id, authorId: 'someone', createdAt: at(2) }),
      );
      // Editing a mention away keeps the thread in that user's "mentioning" inbox: exported too.
      await store.threads.updateMessage(thread.id, first.id, {
        body: 'edited',
        mentions: [],
        editedAt: at(3),
        deletedAt: null,
      });
      await store.threads.markRead(user.id, thread.id, at(4));
      const notification = buildNotification({ userId: user.id, documentId: doc.id });
      await store.notifications.addMany([notification]);
      const version = await store.versions.create(
        buildVersion({ documentId: doc.id, kind: 'review' }),
        yUpdate('frozen'),
      );
      const review = buildReview({
        documentId: doc.id,
        workingGroupId: group.id,
        versionId: version.id,
        requestedBy: user.id,
        reviewers: [{ userId: user.id, verdict: 'approve', summary: '', givenAt: at(5) }],
      });
      await store.reviews.create(review);
      const publication = {
        id: 'publication-1',
        documentId: doc.id,
        versionId: version.id,
        publishedAt: at(6),
        publishedBy: user.id,
      };
      await store.publications.add(publication);
      const workshop = buildWorkshop({
        workingGroupId: group.id,
        notesDocumentId: doc.id,
        createdBy: user.id,
        guestIds: ['guest'],
      });
      await store.workshops.create(workshop);
      const poll = buildPoll({ workshopId: workshop.id, openedBy: user.id });
      await store.workshops.createPoll(poll);
      const ballots = [
        buildBallot({ poll, userId: 'voter-a' }),
        buildBallot({ poll, userId: 'voter-b' }),
      ];
      for (const ballot of ballots) await store.workshops.castBallot(ballot);
      await store.workshops.closePoll(poll.id, at(7));
      const outcome = buildOutcome({ workshopId: workshop.id, createdBy: user.id });
      await store.workshops.addOutcome(outcome);
      const stay = { workshopId: workshop.id, userId: user.id, joinedAt: at(7), leftAt: at(8) };
      await store.workshops.recordJoin(stay);
      const score = buildAssessmentScore({
        documentId: doc.id,
        userId: user.id,
        organisationId: user.organisationId,
      });
      await store.assessments.putScore(score);
      const signatory = {
        workingGroupId: group.id,
        organisationId: org.id,
        userId: user.id,
        setBy: user.id,
        setAt: at(8),
      };
      await store.signoffs.setSignatory(signatory);
      const signoff = {
        id: randomUUID(),
        documentId: doc.id,
        workingGroupId: group.id,
        versionId: version.id,
        requestedBy: user.id,
        requestedAt: at(9),
        message: '',
        quorum: 'all' as const,
        required: 1,
        organisationIds: [org.id],
        answers: [
          {
            organisationId: org.id,
            userId: user.id,
            answer: 'consent' as const,
            text: '',
            answeredAt: at(10),
          },
        ],
        withdrawnAt: null,
        withdrawnBy: null,
        lapsedAt: null,
      };
      await store.signoffs.create(signoff);
      const by = { userId: user.id, organisationId: org.id, country: 'GR' };
      const binding = { documentId: doc.id, clientId: 7, ...by, boundAt: at(11) };
      await store.attribution.bindClients([binding]);
      const contribution = {
        documentId: doc.id,
        ...by,
        at: at(11),
        kind: 'edit' as const,
        inserted: 3,
        deleted: 0,
        suggestionIds: [],
      };
      await store.attribution.appendContributions([contribution]);
      const audit = {
        id: randomUUID(),
        at: at(12),
        action: 'auth.signed_in' as const,
        actorId: user.id,
        actorName: user.name,
        organisationId: org.id,
        organisationName: org.name,
        address: '192.0.2.1',
        targetType: 'user' as const,
        targetId: user.id,
        details: {},
      };
      await store.audit.append(audit);
      const linking = randomUUID();
      await store.knowledge.replaceLinks(linking, 'published', [doc.id]);
      await store.knowledge.putSummary(version.id, 'What the version is about.');
      await store.sessions.set({
        sid: 's',
        userId: user.id,
        data: '{}',
        expiresAt: Date.now() + 1e6,
      });

      const records: ExportRecord[] = [];
      for await (const record of store.exportAll()) records.push(record);
      const kinds = records.map((r) => r.kind);
      expect([...new Set(kinds)]).toEqual([...EXPORT_KINDS]);
      const of = <K extends ExportRecord['kind']>(kind: K) =>
        records.filter((r): r is Extract<ExportRecord, { kind: K }> => r.kind === kind);

      expect(of('organisation').map((r) => r.value)).toEqual(
        [org, otherOrg].sort((a, b) => (a.id < b.id ? -1 : 1)),
      );
      expect(of('user').map((r) => r.value)).toEqual([user]);
      expect(of('workingGroup').map((r) => r.value)).toEqual([group]);
      expect(of('membership').map((r) => r.value)).toEqual([
        { userId: user.id, workingGroupId: group.id, role: 'wg_lead' },
      ]);
      expect(of('invitation').map((r) => r.value)).toEqual([invitation]);
      const [document] = of('document');
      expect(document!.value).toEqual(await store.documents.get(doc.id));
      expect(document!.state).toEqual(await store.documentState.load(doc.id));
      expect(document!.state.updates).toHaveLength(1);
      expect(of('activity').map((r) => r.value)).toEqual([activity]);
      expect(of('thread').map((r) => r.value)).toEqual([
        {
          thread: await store.threads.get(thread.id),
          messages: await store.threads.messages(thread.id),
          participants: [user.id, 'someone'].sort(),
          mentions: ['mentioned-then-unmentioned'],
          reads: [{ userId: user.id, readAt: at(4) }],
        },
      ]);
      expect(of('notification').map((r) => r.value)).toEqual([notification]);
      const [exportedVersion] = of('version');
      expect(exportedVersion!.value).toEqual(version);
      expect(exportedVersion!.state).toEqual(await store.versions.state(version.id));
      expect(of('review').map((r) => r.value)).toEqual([review]);
      expect(of('publication').map((r) => r.value)).toEqual([publication]);
      expect(of('workshop').map((r) => r.value)).toEqual([
        {
          workshop,
          polls: [{ poll: { ...poll, status: 'closed', closedAt: at(7) }, ballots }],
          outcomes: [outcome],
          attendance: [stay],
        },
      ]);
      expect(of('assessment').map((r) => r.value)).toEqual([
        { documentId: doc.id, matrixId: score.matrixId, rounds: [], scores: [score] },
      ]);
      expect(of('signatory').map((r) => r.value)).toEqual([signatory]);
      expect(of('signoff').map((r) => r.value)).toEqual([signoff]);
      expect(of('attribution').map((r) => r.value)).toEqual([
        { documentId: doc.id, contributions: [contribution], bindings: [binding] },
      ]);
      expect(of('knowledge').map((r) => r.value)).toEqual([
        {
          documentId: doc.id,
          linkedFrom: [{ fromDocumentId: linking, scope: 'published', toDocumentId: doc.id }],
          summaries: [{ versionId: version.id, summary: 'What the version is about.' }],
        },
      ]);
      expect(of('audit').map((r) => r.value)).toEqual([audit]);

      // Lazy: a consumer may stop at the first record (store:copy's "is the target empty?").
      for await (const record of store.exportAll()) {
        expect(record.kind).toBe('organisation');
        break;
      }
    });
  });
}
