import { insertTestText, testText } from '../testing/testText.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { COLLAB_CLOSE } from '@polisee/contracts';
import { decodeStoredState } from '../content/yjsContent.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

let server: TestServer;
const cookies = new Map<string, string>();
let documentId: string;
let groupId: string;

async function cookieFor(email: string) {
  if (!cookies.has(email)) {
    const c = new TestClient(server.baseUrl);
    await c.login(email, TEST_PASSWORD);
    cookies.set(email, c.sessionCookie!);
  }
  return cookies.get(email)!;
}

async function newDocument(): Promise<string> {
  const lead = new TestClient(server.baseUrl);
  (lead as unknown as { cookie: string }).cookie = await cookieFor('lead@polisee.test');
  const res = await lead.post('/api/documents', {
    title: 'Live plan',
    kind: 'workshop_notes',
    workingGroupId: groupId,
    thematicPriorities: ['skills'],
    language: 'en',
  });
  return res.body.id;
}

async function storedDoc(id: string): Promise<Y.Doc> {
  await server.ctx.store.documentState.load(id);
  const room = server.collab().rooms.room(id);
  if (room) await room.drain();
  return decodeStoredState((await server.ctx.store.documentState.load(id))!);
}

const clients: CollabTestClient[] = [];
function track(c: CollabTestClient) {
  clients.push(c);
  return c;
}

beforeAll(async () => {
  server = await startTestServer();
  const lead = new TestClient(server.baseUrl);
  await lead.login('lead@polisee.test', TEST_PASSWORD);
  cookies.set('lead@polisee.test', lead.sessionCookie!);
  groupId = (await lead.get('/api/working-groups')).body.items.find(
    (g: { myRole: string }) => g.myRole === 'wg_lead',
  ).id;
  documentId = await newDocument();
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('collaboration endpoint', () => {
  it('10 clients editing concurrently converge, and a cold load from storage equals them', async () => {
    const id = await newDocument();
    const editors = await Promise.all(
      Array.from({ length: 10 }, async (_, i) =>
        track(
          connectCollab(server.baseUrl, id, {
            cookie: await cookieFor(i % 2 ? 'member@polisee.test' : 'lead@polisee.test'),
          }),
        ),
      ),
    );
    await Promise.all(editors.map(synced));
    // The server seeded the template: every client sees it, once.
    const fragmentLength = editors[0]!.doc.getXmlFragment('default').length;
    expect(fragmentLength).toBeGreaterThan(2);

    for (let round = 0; round < 20; round++) {
      editors.forEach((c, i) => insertTestText(c.doc, 0, `[${i}:${round}]`));
      await new Promise((r) => setTimeout(r, 5));
    }
    const expectedLength = editors.reduce(
      (n, _c, i) =>
        n + Array.from({ length: 20 }, (_, r) => `[${i}:${r}]`.length).reduce((a, b) => a + b, 0),
      0,
    );
    await waitFor(
      () => editors.every((c) => c.text().length === expectedLength),
      10_000,
      'convergence',
    );
    const first = editors[0]!.text();
    expect(editors.every((c) => c.text() === first)).toBe(true);
    // The template once, then the tests' own blocks (one per client that found none yet).
    const blocks = editors[0]!.doc.getXmlFragment('default').length;
    expect(blocks).toBeGreaterThan(fragmentLength);
    expect(blocks).toBeLessThanOrEqual(fragmentLength + editors.length);
    expect(editors.every((c) => c.doc.getXmlFragment('default').length === blocks)).toBe(true);

    editors.forEach((c) => c.destroy());
    const cold = await storedDoc(id);
    expect(testText(cold)).toBe(first);
    expect(Y.encodeStateVector(cold)).toEqual(Y.encodeStateVector(editors[0]!.doc));
  });

  it("drops an observer's edits: the stored state vector is unchanged and nobody receives them", async () => {
    const id = await newDocument();
    const editor = track(
      connectCollab(server.baseUrl, id, { cookie: await cookieFor('lead@polisee.test') }),
    );
    const observer = track(
      connectCollab(server.baseUrl, id, { cookie: await cookieFor('observer@polisee.test') }),
    );
    await Promise.all([synced(editor), synced(observer)]);
    const before = Y.encodeStateVector(await storedDoc(id));

    insertTestText(observer.doc, 0, 'observer was here');
    // Barrier: the server has handled the observer's update frame; a batch it might have
    // queued is integrated by drain().
    await observer.roundTrip();
    await server.collab().rooms.room(id)?.drain();
    expect(testText(server.collab().rooms.room(id)?.doc)).toBe('');
    expect(editor.text()).toBe('');
    expect(Y.encodeStateVector(await storedDoc(id))).toEqual(before);

    // The observer still receives everyone else's edits.
    insertTestText(editor.doc, 0, 'from the lead ');
    await waitFor(() => observer.text().includes('from the lead'), 5000, 'observer receives');
    // A late joiner never sees the observer's text either.
    const late = track(
      connectCollab(server.baseUrl, id, { cookie: await cookieFor('member@polisee.test') }),
    );
    await synced(late);
    expect(late.text()).toBe('from the lead ');
  });

  it('sets awareness identity from the session, whatever the client claims', async () => {
    const id = await newDocument();
    const a = track(
      connectCollab(server.baseUrl, id, { cookie: await cookieFor('member@polisee.test') }),
    );
    const b = track(
      connectCollab(server.baseUrl, id, { cookie: await cookieFor('lead@polisee.test') }),
    );
    await Promise.all([synced(a), synced(b)]);
    a.provider.awareness.setLocalStateField('user', {
      id: 'someone-else',
      name: 'Impostor',
      color: '#000',
    });
    a.provider.awareness.setLocalStateField('cursor', { anchor: 1 });
    await waitFor(() => b.provider.awareness.getStates().has(a.doc.clientID), 5000, 'awareness');
    const seen = b.provider.awareness.getStates().get(a.doc.clientID) as {
      user: { name: string; id: string; organisation: string };
    };
    expect(seen.user.name).toBe('Mihai Popescu');
    expect(seen.user.id).not.toBe('someone-else');
    expect(seen.user.organisation).toBe('North-East Regional Development Agency');
  });

  it('refuses unauthenticated, foreign-origin, unknown and unreadable documents with named close codes', async () => {
    const anon = track(connectCollab(server.baseUrl, documentId, { cookie: null }));
    await waitFor(() => anon.closeCodes.length > 0);
    expect(anon.closeCodes[0]).toBe(COLLAB_CLOSE.unauthorized);

    const foreign = track(
      connectCollab(server.baseUrl, documentId, {
        cookie: await cookieFor('lead@polisee.test'),
        origin: 'https://evil.example',
      }),
    );
    await waitFor(() => foreign.closeCodes.length > 0);
    expect(foreign.closeCodes[0]).toBe(COLLAB_CLOSE.forbidden);

    const unknown = track(
      connectCollab(server.baseUrl, 'no-such-document', {
        cookie: await cookieFor('lead@polisee.test'),
      }),
    );
    await waitFor(() => unknown.closeCodes.length > 0);
    expect(unknown.closeCodes[0]).toBe(COLLAB_CLOSE.notFound);

    // The skills lead is not in this working group.
    const outsider = track(
      connectCollab(server.baseUrl, documentId, {
        cookie: await cookieFor('lead.skills@polisee.test'),
      }),
    );
    await waitFor(() => outsider.closeCodes.length > 0);
    expect(outsider.closeCodes[0]).toBe(COLLAB_CLOSE.notFound);
    [anon, foreign, unknown, outsider].forEach((c) => c.provider.disconnect());
  });

  it('disconnects a user within seconds of losing access, and makes a demoted editor read-only', async () => {
    const id = await newDocument();
    const admin = new TestClient(server.baseUrl);
    await admin.login('admin@polisee.test', TEST_PASSWORD);
    const users = (await admin.get('/api/users')).body.items as { id: string; email: string }[];
    const member = users.find((u) => u.email === 'member@polisee.test')!;

    const lead = track(
      connectCollab(server.baseUrl, id, { cookie: await cookieFor('lead@polisee.test') }),
    );
    const c = track(
      connectCollab(server.baseUrl, id, { cookie: await cookieFor('member@polisee.test') }),
    );
    await Promise.all([synced(c), synced(lead)]);

    await admin.put(`/api/working-groups/${groupId}/members/${member.id}`, { role: 'observer' });
    await new Promise((r) => setTimeout(r, 200));
    insertTestText(c.doc, 0, 'after demotion');
    await c.roundTrip();
    await server.collab().rooms.room(id)?.drain();
    expect(testText(server.collab().rooms.room(id)?.doc)).toBe('');
    expect(lead.text()).toBe('');

    const started = Date.now();
    await admin.delete(`/api/working-groups/${groupId}/members/${member.id}`);
    await waitFor(
      () =>
        c.closeCodes.includes(COLLAB_CLOSE.forbidden) ||
        c.closeCodes.includes(COLLAB_CLOSE.notFound),
      5000,
      'revocation',
    );
    expect(Date.now() - started).toBeLessThan(5000);
    c.provider.disconnect();
    await admin.put(`/api/working-groups/${groupId}/members/${member.id}`, { role: 'wg_member' });
  });

  it('serves every new client the latest state: the cached whole-document answer is dropped on each update', async () => {
    const id = await newDocument();
    const editor = track(
      connectCollab(server.baseUrl, id, { cookie: await cookieFor('lead@polisee.test') }),
    );
    await synced(editor);
    for (let i = 0; i < 3; i++) {
      insertTestText(editor.doc, editor.text().length, `edit ${i}; `);
      await waitFor(
        () => testText(server.collab().rooms.room(id)?.doc) === editor.text(),
        5000,
        'server applied',
      );
      // A fresh client (empty state vector) is answered from the cache the previous one filled.
      const late = track(
        connectCollab(server.baseUrl, id, { cookie: await cookieFor('member@polisee.test') }),
      );
      await synced(late);
      expect(late.text()).toBe(editor.text());
      expect(late.doc.getXmlFragment('default').length).toBe(
        editor.doc.getXmlFragment('default').length,
      );
      late.destroy();
    }
  });

  it('unloads a room once its last client leaves and its writes are durable; rejoining is served', async () => {
    const id = await newDocument();
    const a = connectCollab(server.baseUrl, id, { cookie: await cookieFor('lead@polisee.test') });
    await synced(a);
    insertTestText(a.doc, 0, 'durable before unload');
    await waitFor(
      () => testText(server.collab().rooms.room(id)?.doc).length === 21,
      5000,
      'server applied',
    );
    a.destroy();
    await waitFor(() => server.collab().rooms.room(id) === undefined, 5000, 'unload');
    const stored = await storedDoc(id);
    expect(testText(stored)).toBe('durable before unload');

    // Concurrent first joins share one load and all see the same state.
    const joiners = await Promise.all(
      Array.from({ length: 5 }, async () =>
        track(
          connectCollab(server.baseUrl, id, { cookie: await cookieFor('member@polisee.test') }),
        ),
      ),
    );
    await Promise.all(joiners.map(synced));
    expect(joiners.every((j) => j.text() === 'durable before unload')).toBe(true);
  });
});
