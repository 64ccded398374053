import { randomUUID } from 'node:crypto';
import type { Workshop } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { buildDocument, buildWorkingGroup, seedStoreDocument } from '../../testing/factories.js';
import { contractAdapters, storeUnderTest, yUpdate } from '../../testing/storeContract.js';
import {
  buildBallot,
  buildOutcome,
  buildPoll,
  buildWorkshop,
} from '../../testing/workshopFactories.js';

/**
 * The workshops' store contract (`WorkshopRepo`, port.ts): every adapter passes it, SQLite
 * always and MongoDB when MONGODB_URI names a server (see store/contract.test.ts).
 */
const ADAPTERS = contractAdapters('workshop-contract');

/** Timestamps a fixed distance apart, so ordering never depends on the clock. */
const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

for (const adapter of ADAPTERS) {
  describe(`workshop contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    /** A group with a notes document, and a second group with one of its own. */
    async function seed() {
      const { user, group, doc } = await seedStoreDocument(store, yUpdate('notes'));
      const otherGroup = buildWorkingGroup({ name: 'WG other' });
      await store.workingGroups.create(otherGroup);
      const otherDoc = buildDocument({ workingGroupId: otherGroup.id, createdBy: user.id });
      await store.documents.create(otherDoc, yUpdate('other notes'));
      const inGroup = (over: Partial<Workshop> = {}) =>
        buildWorkshop({
          workingGroupId: group.id,
          notesDocumentId: doc.id,
          createdBy: user.id,
          ...over,
        });
      const inOtherGroup = (over: Partial<Workshop> = {}) =>
        buildWorkshop({
          workingGroupId: otherGroup.id,
          notesDocumentId: otherDoc.id,
          createdBy: user.id,
          ...over,
        });
      return { user, group, doc, otherGroup, inGroup, inOtherGroup };
    }

    it('stores a workshop with its whole plan and reads it back as it was', async () => {
      const { user, doc, inGroup } = await seed();
      const workshop = inGroup({
        guestIds: ['guest-b', 'guest-a'],
        facilitatorIds: [user.id, 'co-facilitator'],
        purpose: '',
        language: 'el',
        agenda: [
          {
            id: randomUUID(),
            title: 'Priorities',
            minutes: 30,
            section: { documentId: doc.id, anchor: 'AQIDBA==', heading: 'Priority 1' },
            priority: 'innovation',
            spentSeconds: 0,
          },
          {
            id: randomUUID(),
            title: 'Actions',
            minutes: 20,
            section: null,
            priority: null,
            spentSeconds: 0,
          },
        ],
        observersMayVote: false,
      });
      await store.workshops.create(workshop);
      // Guests keep their order: the port returns the record as it was given.
      expect(await store.workshops.get(workshop.id)).toEqual(workshop);
      expect(await store.workshops.get(randomUUID())).toBeNull();
    });

    it('lists by group, groups and status, ordered by start then id, with a limit', async () => {
      const { group, otherGroup, inGroup, inOtherGroup } = await seed();
      const later = inGroup({ startsAt: at(30), status: 'ended' });
      const sameStartA = inGroup({ id: '00000000-0000-4000-8000-00000000000a', startsAt: at(10) });
      const sameStartB = inGroup({
        id: '00000000-0000-4000-8000-00000000000b',
        startsAt: at(10),
        status: 'live',
      });
      const elsewhere = inOtherGroup({ startsAt: at(20), status: 'live' });
      for (const w of [later, sameStartB, elsewhere, sameStartA]) await store.workshops.create(w);
      const ids = (list: Workshop[]) => list.map((w) => w.id);

      expect(ids(await store.workshops.list({}))).toEqual([
        sameStartA.id,
        sameStartB.id,
        elsewhere.id,
        later.id,
      ]);
      expect(await store.workshops.list({ workingGroupId: group.id })).toEqual([
        sameStartA,
        sameStartB,
        later,
      ]);
      expect(ids(await store.workshops.list({ workingGroupIds: [otherGroup.id] }))).toEqual([
        elsewhere.id,
      ]);
      expect(await store.workshops.list({ workingGroupIds: [] })).toEqual([]);
      expect(ids(await store.workshops.list({ statuses: ['live'] }))).toEqual([
        sameStartB.id,
        elsewhere.id,
      ]);
      expect(
        ids(
          await store.workshops.list({
            statuses: ['scheduled', 'ended'],
            workingGroupId: group.id,
          }),
        ),
      ).toEqual([sameStartA.id, later.id]);
      expect(await store.workshops.list({ statuses: [] })).toEqual([]);
      expect(
        ids(
          await store.workshops.list({
            workingGroupIds: [group.id, otherGroup.id],
            statuses: ['live'],
            limit: 1,
          }),
        ),
      ).toEqual([sameStartB.id]);
      expect(ids(await store.workshops.list({ limit: 2 }))).toEqual([sameStartA.id, sameStartB.id]);
      expect(await store.workshops.list({ limit: 0 })).toEqual([]);
    });

    it('saves the live state whole and keeps the fields fixed at creation', async () => {
      const { user, inGroup } = await seed();
      const workshop = inGroup({ guestIds: ['guest-a'] });
      await store.workshops.create(workshop);
      const [item] = workshop.agenda;
      const live: Workshop = {
        ...workshop,
        title: 'Foresight workshop (day 1)',
        status: 'live',
        startedAt: at(1),
        updatedAt: at(5),
        currentItem: 0,
        currentItemSince: at(2),
        agenda: [{ ...item!, spentSeconds: 95 }],
        timer: { durationMs: 600_000, remainingMs: 480_000, runningSince: at(3) },
        hands: [
          { userId: 'raised-second', raisedAt: at(4) },
          { userId: 'raised-first', raisedAt: at(3) },
        ],
        facilitatorIds: [user.id, 'named-later'],
        guestIds: ['guest-b', 'guest-a'],
        documentIds: [...workshop.documentIds, randomUUID()],
        observersMayVote: false,
      };
      await store.workshops.save({
        ...live,
        // Not the port's to change: these stay as created.
        workingGroupId: randomUUID(),
        notesDocumentId: randomUUID(),
        createdBy: randomUUID(),
        createdAt: at(59),
      });
      expect(await store.workshops.get(workshop.id)).toEqual(live);

      const ended: Workshop = {
        ...live,
        status: 'ended',
        endedAt: at(9),
        currentItem: null,
        currentItemSince: null,
        timer: { durationMs: 600_000, remainingMs: -2_000, runningSince: null },
        hands: [],
        guestIds: [],
      };
      await store.workshops.save(ended);
      expect(await store.workshops.get(workshop.id)).toEqual(ended);
    });

    it('lists the workshops a user is a guest of, in any group and status', async () => {
      const { inGroup, inOtherGroup } = await seed();
      const first = inGroup({ startsAt: at(1), guestIds: ['guest', 'other-guest'] });
      const second = inOtherGroup({ startsAt: at(2), guestIds: ['guest'], status: 'ended' });
      const without = inGroup({ startsAt: at(3), guestIds: ['other-guest'] });
      for (const w of [second, without, first]) await store.workshops.create(w);

      expect(await store.workshops.listGuestOf('guest')).toEqual([first, second]);
      expect((await store.workshops.listGuestOf('other-guest')).map((w) => w.id)).toEqual([
        first.id,
        without.id,
      ]);
      expect(await store.workshops.listGuestOf('nobody')).toEqual([]);

      // Uninvited by a save: the guest no longer sees it.
      await store.workshops.save({ ...first, guestIds: ['other-guest'] });
      expect((await store.workshops.listGuestOf('guest')).map((w) => w.id)).toEqual([second.id]);
    });

    it('stores polls, lists them oldest first and the open ones of every workshop', async () => {
      const { user, inGroup, inOtherGroup } = await seed();
      const workshop = inGroup();
      const other = inOtherGroup();
      await store.workshops.create(workshop);
      await store.workshops.create(other);
      const dots = buildPoll({
        workshopId: workshop.id,
        openedBy: user.id,
        openedAt: at(2),
        kind: 'dots',
        dots: 5,
        maxDotsPerOption: 3,
        anonymous: false,
        showLive: true,
        agendaItemId: workshop.agenda[0]!.id,
        closesAt: at(12),
      });
      const single = buildPoll({ workshopId: workshop.id, openedBy: user.id, openedAt: at(1) });
      const elsewhere = buildPoll({ workshopId: other.id, openedBy: user.id, openedAt: at(3) });
      for (const p of [dots, elsewhere, single]) await store.workshops.createPoll(p);

      expect(await store.workshops.getPoll(dots.id)).toEqual(dots);
      expect(await store.workshops.getPoll(randomUUID())).toBeNull();
      expect(await store.workshops.listPolls(workshop.id)).toEqual([single, dots]);
      expect(await store.workshops.listPolls(randomUUID())).toEqual([]);
      expect(await store.workshops.listOpenPolls()).toEqual([single, dots, elsewhere]);

      // Only one closer wins: the time limit and a facilitator may both try.
      expect(await store.workshops.closePoll(dots.id, at(5))).toBe(true);
      expect(await store.workshops.closePoll(dots.id, at(6))).toBe(false);
      expect(await store.workshops.closePoll(randomUUID(), at(6))).toBe(false);
      expect(await store.workshops.getPoll(dots.id)).toEqual({
        ...dots,
        status: 'closed',
        closedAt: at(5),
      });
      expect(await store.workshops.listOpenPolls()).toEqual([single, elsewhere]);
    });

    it("keeps a dot vote's board source, its options under the items' own ids", async () => {
      const { user, doc, inGroup } = await seed();
      const workshop = inGroup();
      await store.workshops.create(workshop);
      const [driverA, driverB] = [randomUUID(), randomUUID()];
      const poll = buildPoll({
        workshopId: workshop.id,
        openedBy: user.id,
        kind: 'dots',
        dots: 3,
        options: [
          { id: driverA, text: 'Ageing population' },
          { id: driverB, text: 'Remote work' },
        ],
        source: { documentId: doc.id, blockId: randomUUID(), items: 'drivers' },
      });
      const typed = buildPoll({ workshopId: workshop.id, openedBy: user.id, openedAt: at(9) });
      await store.workshops.createPoll(poll);
      await store.workshops.createPoll(typed);

      expect(await store.workshops.getPoll(poll.id)).toEqual(poll);
      expect((await store.workshops.getPoll(typed.id))?.source).toBeNull();
      expect(await store.workshops.closePoll(poll.id, at(20))).toBe(true);
      expect(await store.workshops.getPoll(poll.id)).toEqual({
        ...poll,
        status: 'closed',
        closedAt: at(20),
      });
    });

    it('keeps one ballot per voter and poll: a second replaces the first', async () => {
      const { user, inGroup } = await seed();
      const workshop = inGroup();
      await store.workshops.create(workshop);
      const poll = buildPoll({ workshopId: workshop.id, openedBy: user.id, kind: 'multiple' });
      const other = buildPoll({ workshopId: workshop.id, openedBy: user.id });
      await store.workshops.createPoll(poll);
      await store.workshops.createPoll(other);
      const [a, b] = poll.options;

      const first = buildBallot({ poll, userId: 'voter-b', castAt: at(1) });
      const second = buildBallot({
        poll,
        userId: 'voter-b',
        castAt: at(2),
        allocations: [
          { optionId: a!.id, value: 1 },
          { optionId: b!.id, value: 1 },
        ],
      });
      const another = buildBallot({ poll, userId: 'voter-a', castAt: at(3) });
      await store.workshops.castBallot(first);
      await store.workshops.castBallot(another);
      await store.workshops.castBallot(second);
      await store.workshops.castBallot(buildBallot({ poll: other, userId: 'voter-b' }));

      expect(await store.workshops.listBallots(poll.id)).toEqual([another, second]);
      expect(await store.workshops.getBallot(poll.id, 'voter-b')).toEqual(second);
      expect(await store.workshops.getBallot(poll.id, 'nobody')).toBeNull();
      expect(await store.workshops.listBallots(other.id)).toHaveLength(1);
      expect(await store.workshops.listBallots(randomUUID())).toEqual([]);
    });

    it('stores every one of 100 ballots cast at once, each voter once however often sent', async () => {
      const { user, inGroup } = await seed();
      const workshop = inGroup();
      await store.workshops.create(workshop);
      const poll = buildPoll({ workshopId: workshop.id, openedBy: user.id });
      await store.workshops.createPoll(poll);
      const voters = Array.from({ length: 100 }, (_, i) => `voter-${String(i).padStart(3, '0')}`);
      const [a, b] = poll.options;
      const ballot = (userId: string, optionId: string) =>
        buildBallot({ poll, userId, castAt: at(1), allocations: [{ optionId, value: 1 }] });

      await Promise.all(voters.map((v) => store.workshops.castBallot(ballot(v, a!.id))));
      const stored = await store.workshops.listBallots(poll.id);
      expect(stored.map((s) => s.userId)).toEqual(voters);

      // Each voter again, twice at once (two tabs): still one ballot each, one of the two.
      await Promise.all(
        voters.flatMap((v) => [
          store.workshops.castBallot(ballot(v, b!.id)),
          store.workshops.castBallot(ballot(v, b!.id)),
        ]),
      );
      const again = await store.workshops.listBallots(poll.id);
      expect(again.map((s) => s.userId)).toEqual(voters);
      expect(again.every((s) => s.allocations[0]!.optionId === b!.id)).toBe(true);
    });

    it('records decisions and actions, oldest first, and counts them per workshop', async () => {
      const { user, inGroup, inOtherGroup } = await seed();
      const workshop = inGroup();
      const other = inOtherGroup();
      await store.workshops.create(workshop);
      await store.workshops.create(other);
      const action = buildOutcome({
        workshopId: workshop.id,
        createdBy: user.id,
        createdAt: at(2),
        kind: 'action',
        text: 'Draft the financing chapter',
        ownerId: user.id,
        dueDate: '2026-04-30',
        agendaItemId: workshop.agenda[0]!.id,
      });
      const decision = buildOutcome({
        workshopId: workshop.id,
        createdBy: user.id,
        createdAt: at(1),
      });
      await store.workshops.addOutcome(action);
      await store.workshops.addOutcome(decision);
      await store.workshops.addOutcome(buildOutcome({ workshopId: other.id, createdBy: user.id }));

      expect(await store.workshops.listOutcomes(workshop.id)).toEqual([decision, action]);
      expect(await store.workshops.countOutcomes(workshop.id)).toBe(2);
      expect(await store.workshops.countOutcomes(other.id)).toBe(1);
      expect(await store.workshops.countOutcomes(randomUUID())).toBe(0);
    });

    it('records stays: joins, leaves, joins again, and closes every open stay at the end', async () => {
      const { inGroup, inOtherGroup } = await seed();
      const workshop = inGroup();
      const other = inOtherGroup();
      await store.workshops.create(workshop);
      await store.workshops.create(other);
      const stay = (userId: string, joinedAt: string, w = workshop) => ({
        workshopId: w.id,
        userId,
        joinedAt,
        leftAt: null,
      });

      await store.workshops.recordJoin(stay('anna', at(1)));
      await store.workshops.recordJoin(stay('bela', at(2)));
      await store.workshops.recordJoin(stay('anna', at(1), other));
      await store.workshops.recordLeave(workshop.id, 'anna', at(3));
      await store.workshops.recordJoin(stay('anna', at(4)));
      // Leaving ends only the user's open stays: the first one keeps its time.
      await store.workshops.recordLeave(workshop.id, 'anna', at(5));
      await store.workshops.recordJoin(stay('anna', at(6)));
      expect(await store.workshops.listAttendance(workshop.id)).toEqual([
        { ...stay('anna', at(1)), leftAt: at(3) },
        { ...stay('bela', at(2)), leftAt: null },
        { ...stay('anna', at(4)), leftAt: at(5) },
        { ...stay('anna', at(6)), leftAt: null },
      ]);

      await store.workshops.closeAttendance(workshop.id, at(9));
      expect(await store.workshops.listAttendance(workshop.id)).toEqual([
        { ...stay('anna', at(1)), leftAt: at(3) },
        { ...stay('bela', at(2)), leftAt: at(9) },
        { ...stay('anna', at(4)), leftAt: at(5) },
        { ...stay('anna', at(6)), leftAt: at(9) },
      ]);
      // Another workshop's stays are its own.
      expect(await store.workshops.listAttendance(other.id)).toEqual([stay('anna', at(1), other)]);
      expect(await store.workshops.listAttendance(randomUUID())).toEqual([]);
    });
  });
}
