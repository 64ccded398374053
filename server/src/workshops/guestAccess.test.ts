import { CLIENT_EVENTS, COLLAB_CLOSE } from '@polisee/contracts';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import type { TestClient } from '../testing/httpClient.js';
import { rebuildSearchIndex } from '../search/rebuildSearchIndex.js';
import { connectSocket, type TestSocket } from '../testing/socketClient.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { insertTestText, testText } from '../testing/testText.js';
import {
  readDemoWorkspace,
  signedIn,
  workshopRequest,
  type DemoWorkspace,
} from '../testing/workshopRequests.js';

/**
 * A workshop guest (the financing lead, with no role in WG1) reads the workshop's linked
 * document and its notes over every path — REST, the collaboration endpoint (read-only) and
 * socket.io — and comments on them; every other document of the group, and the group's
 * catalogue, members and activity, stay hidden.
 */
let server: TestServer;
let demo: DemoWorkspace;
let lead: TestClient;
let guest: TestClient;
let linkedId: string;
let otherId: string;
let notesId: string;
let workshopId: string;
const collabs: CollabTestClient[] = [];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn(server.baseUrl, 'lead@polisee.test');
  guest = await signedIn(server.baseUrl, 'lead.financing@polisee.test');
  demo = await readDemoWorkspace(await signedIn(server.baseUrl, 'admin@polisee.test'));
  [linkedId, otherId] = demo.strategyDocIds as [string, string];
});
afterAll(async () => {
  collabs.forEach((c) => c.destroy());
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

function collab(documentId: string) {
  const c = connectCollab(server.baseUrl, documentId, { cookie: guest.sessionCookie });
  collabs.push(c);
  return c;
}

describe('a workshop guest', () => {
  it('sees nothing of the group before the invitation', async () => {
    expect((await guest.get(`/api/documents/${linkedId}`)).status).toBe(404);
  });

  it('is invited to a workshop on one document of the group', async () => {
    const res = await lead.post(
      '/api/workshops',
      workshopRequest(demo.strategyId, {
        guestIds: [demo.userIds['lead.financing@polisee.test']!],
        documentIds: [linkedId],
      }),
    );
    expect(res.status, res.text).toBe(201);
    notesId = res.body.notesDocumentId;
    workshopId = res.body.id;
  });

  it('reads the linked document and the notes over REST, and may comment but not edit', async () => {
    for (const id of [linkedId, notesId]) {
      expect((await guest.get(`/api/documents/${id}`)).status, id).toBe(200);
      const content = await guest.get(`/api/documents/${id}/content`);
      expect(content.status, id).toBe(200);
      expect(content.body.text.length, id).toBeGreaterThan(0);
      expect((await guest.get(`/api/documents/${id}/threads`)).status, id).toBe(200);
    }
    const thread = await guest.post(`/api/documents/${linkedId}/threads`, {
      priority: 'financing',
      body: 'A question from a guest',
    });
    expect(thread.status, thread.text).toBe(201);
    const rename = await guest.patch(`/api/documents/${linkedId}`, { title: 'Renamed by a guest' });
    expect(rename.status).toBe(403);
  });

  it('gets not_found for every other document of the group', async () => {
    for (const path of [
      `/api/documents/${otherId}`,
      `/api/documents/${otherId}/content`,
      `/api/documents/${otherId}/threads`,
      `/api/documents/${otherId}/activity`,
    ]) {
      const res = await guest.get(path);
      expect(res.status, path).toBe(404);
      expect(res.body.error.code, path).toBe('not_found');
    }
    const thread = await guest.post(`/api/documents/${otherId}/threads`, {
      priority: 'financing',
      body: 'Should not land',
    });
    expect(thread.status).toBe(404);
  });

  it('finds the linked document, its threads and the workshop’s decisions in search, never another document of the group', async () => {
    const stored = (await server.ctx.store.workshops.get(workshopId))!;
    await server.ctx.store.workshops.save({ ...stored, status: 'live' });
    const decided = await lead.post(`/api/workshops/${workshopId}/outcomes`, {
      kind: 'decision',
      text: 'Guests read the quorumless decision',
    });
    expect(decided.status, decided.text).toBe(201);
    await rebuildSearchIndex(server.ctx);
    const search = async (q: string) =>
      (await guest.get(`/api/search?q=${encodeURIComponent(q)}`)).body.items as {
        type: string;
        documentId: string | null;
        workingGroupId: string;
      }[];
    const ofGroup = (items: Awaited<ReturnType<typeof search>>) =>
      items.filter((i) => i.workingGroupId === demo.strategyId);
    const linkedTitle = (await lead.get(`/api/documents/${linkedId}`)).body.title as string;
    const otherTitle = (await lead.get(`/api/documents/${otherId}`)).body.title as string;
    const linked = ofGroup(await search(linkedTitle));
    expect(linked.map((i) => i.documentId)).toContain(linkedId);
    expect(linked.every((i) => i.documentId === linkedId || i.documentId === notesId)).toBe(true);
    const other = ofGroup(await search(otherTitle));
    expect(other.map((i) => i.documentId)).not.toContain(otherId);
    expect(other.every((i) => i.documentId === linkedId || i.documentId === notesId)).toBe(true);
    const thread = ofGroup(await search('question from a guest'));
    expect(thread).toEqual([expect.objectContaining({ type: 'thread', documentId: linkedId })]);
    const decision = ofGroup(await search('quorumless decision'));
    expect(decision).toEqual([expect.objectContaining({ type: 'decision', documentId: null })]);
  });

  it('never sees the group’s catalogue, members or activity', async () => {
    const inGroup = await guest.get(`/api/documents?workingGroupId=${demo.strategyId}`);
    expect(inGroup.body.items).toEqual([]);
    const all = (await guest.get('/api/documents')).body.items as { workingGroupId: string }[];
    expect(all.some((d) => d.workingGroupId === demo.strategyId)).toBe(false);
    expect((await guest.get(`/api/working-groups/${demo.strategyId}/members`)).status).toBe(403);
    const groups = (await guest.get('/api/working-groups')).body.items as { id: string }[];
    expect(groups.map((g) => g.id)).not.toContain(demo.strategyId);
    const activity = (await guest.get('/api/activity')).body.items as {
      workingGroupId: string | null;
    }[];
    expect(activity.some((a) => a.workingGroupId === demo.strategyId)).toBe(false);
  });

  it('lets a guest only suggest on the linked document over the collaboration endpoint', async () => {
    const editor = connectCollab(server.baseUrl, linkedId, { cookie: lead.sessionCookie });
    collabs.push(editor);
    const reader = collab(linkedId);
    await Promise.all([synced(editor), synced(reader)]);
    expect(reader.doc.getXmlFragment(FRAGMENT_NAME).length).toBeGreaterThan(0);

    insertTestText(reader.doc, 0, 'guest was here');
    // A direct edit, not a suggestion (decision 0063): refused, and that connection closed.
    await waitFor(() => reader.closeCodes.includes(COLLAB_CLOSE.suggestionsOnly), 5000, 'refusal');
    reader.provider.disconnect();
    await server.collab().rooms.room(linkedId)?.drain();
    expect(testText(server.collab().rooms.room(linkedId)?.doc)).toBe('');
    expect(editor.text()).toBe('');

    const again = collab(linkedId);
    await synced(again);
    insertTestText(editor.doc, 0, 'from the lead');
    await waitFor(() => again.text().includes('from the lead'), 5000, 'guest receives edits');
  });

  it('is refused any other document of the group over the collaboration endpoint', async () => {
    const refused = collab(otherId);
    await waitFor(() => refused.closeCodes.length > 0, 5000, 'close');
    expect(refused.closeCodes[0]).toBe(COLLAB_CLOSE.notFound);
    refused.provider.disconnect();
  });

  it('subscribes over socket.io to the linked document and the notes only', async () => {
    const socket = await connectSocket(server.baseUrl, guest.sessionCookie);
    sockets.push(socket);
    for (const id of [linkedId, notesId]) {
      expect(await socket.request(CLIENT_EVENTS.subscribeDocument, { documentId: id })).toEqual({
        ok: true,
      });
    }
    expect(await socket.request(CLIENT_EVENTS.subscribeDocument, { documentId: otherId })).toEqual({
      ok: false,
      error: 'not_found',
    });
  });
});
