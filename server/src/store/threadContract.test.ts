import { AppError } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import {
  buildDocument,
  buildMessage,
  buildNotification,
  buildThread,
  buildWorkingGroup,
  seedStoreDocument,
} from '../testing/factories.js';
import { contractAdapters, storeUnderTest, yUpdate } from '../testing/storeContract.js';

/**
 * The store contract for comment threads, priority inboxes and notifications (see
 * contract.test.ts): every adapter passes it.
 */
const ADAPTERS = contractAdapters('thread-contract');

for (const adapter of ADAPTERS) {
  describe(`thread contract: ${adapter.name}`, () => {
    const store = storeUnderTest(adapter);

    const seedDocument = () => seedStoreDocument(store, yUpdate('x'));

    /** Timestamps a fixed distance apart, so ordering never depends on the clock. */
    const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 0, minute)).toISOString();

    it('stores a thread with its first message, appends, edits and lists by document', async () => {
      const { user, group, doc } = await seedDocument();
      const base = { documentId: doc.id, workingGroupId: group.id, authorId: user.id };
      const t1 = buildThread({ ...base, createdAt: at(1), lastActivityAt: at(1) });
      const t2 = buildThread({ ...base, priority: 'skills', anchorState: 'document', quote: '' });
      await store.threads.create(
        t1,
        buildMessage({ threadId: t1.id, authorId: user.id, createdAt: at(1) }),
      );
      await store.threads.create(
        t2,
        buildMessage({ threadId: t2.id, authorId: user.id, createdAt: at(2) }),
      );
      const reply = buildMessage({
        threadId: t1.id,
        authorId: 'someone',
        createdAt: at(3),
        mentions: [user.id],
      });
      await store.threads.addMessage(reply);

      const stored = await store.threads.get(t1.id);
      expect(stored).toMatchObject({
        messageCount: 2,
        lastActivityAt: at(3),
        lastActivityBy: 'someone',
      });
      expect(await store.threads.participants(t1.id)).toEqual([user.id, 'someone'].sort());

      const listed = await store.threads.listForDocument(doc.id, {});
      expect(listed.map((l) => l.thread.id)).toEqual([t1.id, t2.id]);
      expect(listed[0]!.messages.map((m) => m.id)).toEqual([listed[0]!.messages[0]!.id, reply.id]);
      expect(
        (await store.threads.listForDocument(doc.id, { priority: 'skills' })).map(
          (l) => l.thread.id,
        ),
      ).toEqual([t2.id]);

      await store.threads.updateMessage(t1.id, reply.id, {
        body: 'edited',
        mentions: [],
        editedAt: at(4),
        deletedAt: null,
      });
      expect(await store.threads.getMessage(t1.id, reply.id)).toMatchObject({
        body: 'edited',
        editedAt: at(4),
      });
      expect(await store.threads.getMessage(t2.id, reply.id)).toBeNull();

      await store.threads.update(t1.id, {
        status: 'resolved',
        resolvedAt: at(5),
        resolvedBy: user.id,
        anchorState: 'orphaned',
      });
      expect(await store.threads.get(t1.id)).toMatchObject({
        status: 'resolved',
        resolvedBy: user.id,
        anchorState: 'orphaned',
      });
      expect(
        (await store.threads.listForDocument(doc.id, { status: 'open' })).map((l) => l.thread.id),
      ).toEqual([t2.id]);
      expect(await store.threads.listAnchorStates(doc.id)).toEqual([
        { id: t1.id, anchorState: 'orphaned' },
      ]);
    });

    it('serves priority inboxes with filters, unread marks, readable groups and pages', async () => {
      const { user, group, doc } = await seedDocument();
      const otherGroup = buildWorkingGroup();
      await store.workingGroups.create(otherGroup);
      const otherDoc = buildDocument({ workingGroupId: otherGroup.id, createdBy: user.id });
      await store.documents.create(otherDoc, yUpdate('y'));
      const ids: string[] = [];
      for (let i = 0; i < 5; i++) {
        const t = buildThread({
          documentId: doc.id,
          workingGroupId: group.id,
          authorId: 'author',
          lastActivityAt: at(10 + i),
          lastActivityBy: 'author',
        });
        await store.threads.create(
          t,
          buildMessage({
            threadId: t.id,
            authorId: 'author',
            createdAt: at(10 + i),
            body: `body ${i}`,
          }),
        );
        ids.unshift(t.id);
      }
      const hidden = buildThread({
        documentId: otherDoc.id,
        workingGroupId: otherGroup.id,
        authorId: 'author',
      });
      await store.threads.create(hidden, buildMessage({ threadId: hidden.id, authorId: 'author' }));
      await store.threads.addMessage(
        buildMessage({ threadId: ids[4]!, authorId: user.id, createdAt: at(20), mentions: [] }),
      );
      await store.threads.addMessage(
        buildMessage({
          threadId: ids[3]!,
          authorId: 'author',
          createdAt: at(21),
          mentions: [user.id],
        }),
      );
      const newestFirst = [ids[3]!, ids[4]!, ids[0]!, ids[1]!, ids[2]!];

      const query = {
        userId: user.id,
        workingGroupIds: [group.id],
        priority: 'financing' as const,
        status: 'open' as const,
      };
      const first = await store.threads.inbox({ ...query, limit: 2 });
      expect(first.items.map((i) => i.thread.id)).toEqual(newestFirst.slice(0, 2));
      expect(first.items[0]).toMatchObject({ documentTitle: doc.title, unread: true });
      expect(first.items[1]!.unread).toBe(false); // the user wrote last
      const rest = await store.threads.inbox({ ...query, limit: 10, cursor: first.nextCursor! });
      expect(rest.items.map((i) => i.thread.id)).toEqual(newestFirst.slice(2));
      expect(rest.nextCursor).toBeNull();
      expect(rest.items[0]!.lastBody).toBe('body 4');

      expect(
        (await store.threads.inbox({ ...query, limit: 10, mine: true })).items.map(
          (i) => i.thread.id,
        ),
      ).toEqual([ids[4]]);
      expect(
        (await store.threads.inbox({ ...query, limit: 10, mentioning: true })).items.map(
          (i) => i.thread.id,
        ),
      ).toEqual([ids[3]]);
      expect(
        (await store.threads.inbox({ ...query, workingGroupIds: [], limit: 10 })).items,
      ).toEqual([]);
      expect(
        (await store.threads.inbox({ ...query, workingGroupIds: undefined, limit: 10 })).items,
      ).toHaveLength(6);

      await store.threads.markRead(user.id, ids[3]!, at(30));
      await store.threads.markRead(user.id, ids[3]!, at(25)); // an older mark never wins
      await store.threads.markRead('someone-else', ids[0]!, at(30)); // not this user's mark
      const counts = await store.threads.inboxCounts({
        userId: user.id,
        workingGroupIds: [group.id],
      });
      expect(counts).toHaveLength(6);
      expect(counts.find((c) => c.priority === 'financing')).toEqual({
        priority: 'financing',
        open: 5,
        unread: 3,
      });
      expect(counts.find((c) => c.priority === 'skills')).toEqual({
        priority: 'skills',
        open: 0,
        unread: 0,
      });
      await store.threads.update(ids[0]!, { status: 'resolved' });
      expect(
        (await store.threads.inboxCounts({ userId: user.id, workingGroupIds: [group.id] })).find(
          (c) => c.priority === 'financing',
        )!.open,
      ).toBe(4);
      await expect(
        store.threads.inbox({ ...query, limit: 1, cursor: 'not-a-cursor' }),
      ).rejects.toBeInstanceOf(AppError);
    });

    it('keeps notifications per user, newest first, with unread counts and read marks', async () => {
      const { user, doc } = await seedDocument();
      const notes = [1, 2, 3].map((m) =>
        buildNotification({ userId: user.id, documentId: doc.id, createdAt: at(m) }),
      );
      await store.notifications.addMany([
        ...notes,
        buildNotification({ userId: 'other', documentId: doc.id }),
      ]);
      expect(await store.notifications.unreadCount(user.id)).toBe(3);
      const page = await store.notifications.list({ userId: user.id, limit: 2 });
      expect(page.items.map((n) => n.id)).toEqual([notes[2]!.id, notes[1]!.id]);
      const next = await store.notifications.list({
        userId: user.id,
        limit: 2,
        cursor: page.nextCursor!,
      });
      expect(next).toEqual({ items: [notes[0]], nextCursor: null });
      expect(await store.notifications.markRead(user.id, [notes[0]!.id], at(9))).toBe(1);
      expect(await store.notifications.markRead('other', [notes[1]!.id], at(9))).toBe(0);
      expect(
        (await store.notifications.list({ userId: user.id, limit: 10, unreadOnly: true })).items,
      ).toHaveLength(2);
      expect(await store.notifications.markRead(user.id, undefined, at(10))).toBe(2);
      expect(await store.notifications.unreadCount(user.id)).toBe(0);
      expect(await store.notifications.unreadCount('other')).toBe(1);
    });

    it('keeps the workshop a workshop notification is about (null for the others)', async () => {
      const { user, doc } = await seedDocument();
      const invited = buildNotification({
        userId: user.id,
        documentId: doc.id,
        type: 'workshop_invited',
        workshopId: 'workshop-1',
        priority: null,
        createdAt: at(2),
      });
      const live = buildNotification({
        userId: user.id,
        documentId: doc.id,
        type: 'workshop_live',
        workshopId: 'workshop-1',
        priority: null,
        createdAt: at(3),
      });
      const mention = buildNotification({ userId: user.id, documentId: doc.id, createdAt: at(1) });
      await store.notifications.addMany([invited, live, mention]);
      const { items } = await store.notifications.list({ userId: user.id, limit: 10 });
      expect(items).toEqual([live, invited, mention]);
      expect(items.map((n) => n.workshopId)).toEqual(['workshop-1', 'workshop-1', null]);
    });
  });
}
