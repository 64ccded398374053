import { CLIENT_EVENTS, SERVER_EVENTS } from '@polisee/contracts';
import type * as Y from 'yjs';
import { XmlElement as YXmlElement, XmlText as YText } from 'yjs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { anchorOn, markedText } from '../testing/anchors.js';
import { connectCollab, synced, waitFor } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { connectSocket, type TestSocket } from '../testing/socketClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Comment threads end to end on the real server: anchors placed by the server in the live
 * document, replies, mentions and notifications, resolve rules, inboxes, and live events that
 * reach exactly the people who may read the document.
 */
let server: TestServer;
const clients: Record<string, TestClient> = {};
const sockets: TestSocket[] = [];
let docId: string;
let userIds: Record<string, string>;

async function signIn(name: string, email: string) {
  const c = new TestClient(server.baseUrl);
  await c.login(email, TEST_PASSWORD);
  clients[name] = c;
  return c;
}

async function socketOf(name: string) {
  const s = await connectSocket(server.baseUrl, clients[name]!.sessionCookie);
  sockets.push(s);
  return s;
}

beforeAll(async () => {
  server = await startTestServer();
  await signIn('lead', 'lead@polisee.test');
  await signIn('member', 'member@polisee.test');
  await signIn('observer', 'observer@polisee.test');
  await signIn('outsider', 'lead.skills@polisee.test');
  const groups = await clients.lead!.get('/api/working-groups');
  const strategy = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await clients.lead!.post('/api/documents', {
    title: 'Thread test plan',
    kind: 'workshop_notes',
    workingGroupId: strategy.id,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  docId = created.body.id;
  const members = await clients.lead!.get(`/api/documents/${docId}/mentionable`);
  userIds = Object.fromEntries(
    members.body.items.map((m: { id: string; name: string }) => [m.name, m.id]),
  );
});

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

/** A synced replica of the document, as the member's editor holds it. */
async function replica(name = 'member') {
  const c = connectCollab(server.baseUrl, docId, { cookie: clients[name]!.sessionCookie });
  await synced(c);
  return c;
}

function firstWords(c: { doc: Y.Doc }) {
  // Any run of text from the template works as a selection.
  const json = JSON.stringify(c.doc.getXmlFragment('default').toJSON());
  const match = /([A-Z][a-z]+ [a-z]+ [a-z]+)/.exec(json);
  if (!match) throw new Error('no words in the template');
  return match[1]!;
}

describe('comment threads', () => {
  it('anchors a thread on the selected text, quotes it from the document, and keeps it through edits', async () => {
    const editor = await replica('member');
    const words = firstWords(editor);
    const res = await clients.member!.post(`/api/documents/${docId}/threads`, {
      priority: 'financing',
      body: 'Which funds do we mean here?',
      anchor: anchorOn(editor.doc, words),
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      quote: words,
      anchorState: 'anchored',
      status: 'open',
      priority: 'financing',
      messageCount: 1,
    });
    // The mark reaches connected replicas through the room, like any edit.
    await waitFor(() => markedText(editor.doc, res.body.id) === words, 5000, 'mark on replica');
    editor.destroy();
  });

  it('marks a thread orphaned once all its text is deleted, and keeps it listed with its quote', async () => {
    const editor = await replica('member');
    const words = firstWords(editor);
    const res = await clients.member!.post(`/api/documents/${docId}/threads`, {
      priority: 'financing',
      body: 'Soon orphaned',
      anchor: anchorOn(editor.doc, words),
    });
    const id = res.body.id as string;
    await waitFor(() => markedText(editor.doc, id) === words, 5000, 'mark');
    // Delete the marked text in the replica, as a user selecting it and pressing Delete would.
    const deleteMarked = (type: Y.XmlElement | Y.XmlFragment) => {
      for (const child of type.toArray()) {
        if (child instanceof YText) {
          let index = 0;
          for (const op of child.toDelta() as {
            insert: string;
            attributes?: Record<string, { threadId?: string }>;
          }[]) {
            const marked = Object.values(op.attributes ?? {}).some((a) => a?.threadId === id);
            if (marked) child.delete(index, op.insert.length);
            else index += op.insert.length;
          }
        } else if (child instanceof YXmlElement) deleteMarked(child);
      }
    };
    editor.doc.transact(() => deleteMarked(editor.doc.getXmlFragment('default')));
    await waitFor(() => markedText(editor.doc, id) === '', 2000, 'deleted');
    let thread: { anchorState: string; quote: string } | undefined;
    for (let i = 0; i < 50 && thread?.anchorState !== 'orphaned'; i++) {
      await new Promise((r) => setTimeout(r, 200));
      thread = (await clients.member!.get(`/api/threads/${id}`)).body;
    }
    expect(thread).toMatchObject({ anchorState: 'orphaned', quote: words });
    editor.destroy();
  });

  it('lets an observer, who may not edit, start an anchored thread and reply', async () => {
    const view = await replica('observer');
    const words = firstWords(view);
    const res = await clients.observer!.post(`/api/documents/${docId}/threads`, {
      priority: 'skills',
      body: 'Observer question',
      anchor: anchorOn(view.doc, words),
    });
    expect(res.status).toBe(201);
    await waitFor(() => markedText(view.doc, res.body.id) === words, 5000, 'observer mark');
    const reply = await clients.observer!.post(`/api/threads/${res.body.id}/messages`, {
      body: 'A follow-up',
    });
    expect(reply.status).toBe(201);
    expect(reply.body.messages).toHaveLength(2);
    view.destroy();
  });

  it('refuses anchors that do not decode or select nothing, with a field error', async () => {
    const bad = await clients.member!.post(`/api/documents/${docId}/threads`, {
      priority: 'financing',
      body: 'x',
      anchor: { from: 'AAAA', to: 'AAAA' },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details[0].path).toBe('anchor');
    const noPriority = await clients.member!.post(`/api/documents/${docId}/threads`, {
      body: 'x',
    });
    expect(noPriority.status).toBe(400);
  });

  it('notifies mentions and participants, and only people who may read the document', async () => {
    const started = await clients.lead!.post(`/api/documents/${docId}/threads`, {
      priority: 'financing',
      body: 'Document-level question for @Mihai',
      mentions: [userIds['Mihai Popescu'], userIds['Péter Nagy'] ?? 'not-a-member'],
    });
    expect(started.body.anchorState).toBe('document');
    expect(started.body.messages[0].mentions).toEqual([userIds['Mihai Popescu']]);
    const memberNotes = await clients.member!.get('/api/notifications');
    expect(memberNotes.body.items[0]).toMatchObject({
      type: 'mention',
      threadId: started.body.id,
      documentTitle: 'Thread test plan',
    });
    expect((await clients.outsider!.get('/api/notifications')).body.items).toEqual([]);

    await clients.member!.post(`/api/threads/${started.body.id}/messages`, { body: 'On it' });
    const leadNotes = await clients.lead!.get('/api/notifications?unread=true');
    expect(leadNotes.body.items[0]).toMatchObject({ type: 'thread_reply', excerpt: 'On it' });
    expect(leadNotes.body.unreadCount).toBeGreaterThan(0);
    const read = await clients.lead!.post('/api/notifications/read', { all: true });
    expect(read.body).toEqual({ unreadCount: 0 });
  });

  it('lets the author, the lead and editors resolve; not an observer on someone else’s thread', async () => {
    const t = await clients.member!.post(`/api/documents/${docId}/threads`, {
      priority: 'financing',
      body: 'Resolve me',
    });
    const id = t.body.id;
    expect(
      (await clients.observer!.patch(`/api/threads/${id}`, { status: 'resolved' })).status,
    ).toBe(403);
    expect(
      (await clients.outsider!.patch(`/api/threads/${id}`, { status: 'resolved' })).status,
    ).toBe(404);
    const resolved = await clients.lead!.patch(`/api/threads/${id}`, { status: 'resolved' });
    expect(resolved.body).toMatchObject({ status: 'resolved', resolvedBy: expect.any(String) });
    const memberNotes = await clients.member!.get('/api/notifications');
    expect(memberNotes.body.items[0]).toMatchObject({ type: 'thread_resolved', threadId: id });
    const moved = await clients.member!.patch(`/api/threads/${id}`, {
      status: 'open',
      priority: 'innovation',
    });
    expect(moved.body).toMatchObject({ status: 'open', priority: 'innovation', resolvedAt: null });
  });

  it('edits and deletes only one’s own messages', async () => {
    const t = await clients.member!.post(`/api/documents/${docId}/threads`, {
      priority: 'financing',
      body: 'Original',
    });
    const msgId = t.body.messages[0].id;
    const path = `/api/threads/${t.body.id}/messages/${msgId}`;
    expect((await clients.lead!.patch(path, { body: 'Hijack' })).status).toBe(403);
    const edited = await clients.member!.patch(path, { body: 'Edited' });
    expect(edited.body.messages[0]).toMatchObject({ body: 'Edited', editedAt: expect.any(String) });
    expect((await clients.lead!.delete(path)).status).toBe(403);
    const deleted = await clients.member!.delete(path);
    expect(deleted.body.messages[0]).toMatchObject({ body: '', deletedAt: expect.any(String) });
    expect((await clients.member!.delete(path)).status).toBe(404);
  });

  it('keeps message bodies as plain text, without control or bidi-override characters', async () => {
    const body = '<img src=x onerror=alert(1)>\u202Egnp.exe\u0007 <script>alert(1)</script>';
    const t = await clients.member!.post(`/api/documents/${docId}/threads`, {
      priority: 'financing',
      body,
    });
    expect(t.body.messages[0].body).toBe(
      '<img src=x onerror=alert(1)>gnp.exe <script>alert(1)</script>',
    );
    expect(
      (
        await clients.member!.post(`/api/documents/${docId}/threads`, {
          priority: 'financing',
          body: '  \n ',
        })
      ).status,
    ).toBe(400);
  });

  it('serves priority inboxes with filters, unread state and counts', async () => {
    const inbox = await clients.observer!.get('/api/inbox/financing?status=open');
    expect(inbox.status).toBe(200);
    expect(inbox.body.items.length).toBeGreaterThan(0);
    expect(inbox.body.items.every((i: { priority: string }) => i.priority === 'financing')).toBe(
      true,
    );
    expect(inbox.body.items[0]).toMatchObject({ documentTitle: 'Thread test plan', unread: true });
    const mentions = await clients.member!.get('/api/inbox/financing?filter=mentions');
    expect(mentions.body.items).toHaveLength(1);
    const counts = await clients.observer!.get('/api/inbox');
    const financing = counts.body.priorities.find(
      (p: { priority: string }) => p.priority === 'financing',
    );
    expect(financing.open).toBe(inbox.body.items.length);
    await clients.observer!.post(`/api/threads/${inbox.body.items[0].id}/read`);
    const after = await clients.observer!.get('/api/inbox');
    expect(
      after.body.priorities.find((p: { priority: string }) => p.priority === 'financing').unread,
    ).toBe(financing.unread - 1);
    expect((await clients.outsider!.get('/api/inbox/financing')).body.items).toEqual([]);
    expect((await clients.observer!.get('/api/inbox/nonsense')).status).toBe(400);
  });

  it('sends live thread events to subscribers who may read the document, and to no one else', async () => {
    const member = await socketOf('member');
    const inboxWatcher = await socketOf('observer');
    const outsider = await socketOf('outsider');
    expect(await member.request(CLIENT_EVENTS.subscribeDocument, { documentId: docId })).toEqual({
      ok: true,
    });
    expect(
      await inboxWatcher.request(CLIENT_EVENTS.subscribePriority, { priority: 'financing' }),
    ).toEqual({
      ok: true,
    });
    expect(await outsider.request(CLIENT_EVENTS.subscribeDocument, { documentId: docId })).toEqual({
      ok: false,
      error: 'not_found',
    });
    expect(
      await outsider.request(CLIENT_EVENTS.subscribePriority, { priority: 'financing' }),
    ).toEqual({
      ok: true,
    });
    expect(await outsider.request(CLIENT_EVENTS.subscribeDocument, { documentId: 42 })).toEqual({
      ok: false,
      error: 'validation_failed',
    });

    const t = await clients.lead!.post(`/api/documents/${docId}/threads`, {
      priority: 'financing',
      body: 'Live thread, @Mihai',
      mentions: [userIds['Mihai Popescu']],
    });
    const threadEvent = (s: TestSocket) =>
      s.received.find(
        (r) =>
          r.event === SERVER_EVENTS.threadChanged &&
          (r.payload as { thread: { id: string } }).thread.id === t.body.id,
      );
    await waitFor(
      () => !!threadEvent(member) && !!threadEvent(inboxWatcher),
      3000,
      'thread events',
    );
    await waitFor(
      () => member.received.some((r) => r.event === SERVER_EVENTS.notificationAdded),
      3000,
      'notification',
    );
    await outsider.barrier();
    expect(threadEvent(outsider)).toBeUndefined();
    expect(outsider.received).toEqual([]);
  });
});
