import { DocumentSectionListSchema } from '@polisee/contracts';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/** `GET /api/documents/:id/sections` on the real server: the live document's headings. */
let server: TestServer;
const clients: Record<string, TestClient> = {};
let editor: CollabTestClient | null = null;
let docId: string;

async function signIn(name: string, email: string) {
  const c = new TestClient(server.baseUrl);
  await c.login(email, TEST_PASSWORD);
  clients[name] = c;
}

beforeAll(async () => {
  server = await startTestServer();
  await signIn('lead', 'lead@polisee.test');
  await signIn('observer', 'observer@polisee.test');
  await signIn('outsider', 'lead.skills@polisee.test');
  const groups = await clients.lead!.get('/api/working-groups');
  const strategy = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await clients.lead!.post('/api/documents', {
    title: 'Sectioned plan',
    kind: 'workshop_notes',
    workingGroupId: strategy.id,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  docId = created.body.id;
});

afterAll(async () => {
  editor?.destroy();
  await server.close();
});

describe('document sections route', () => {
  it('lists the headings to a reader, and anchors keep naming them after live edits', async () => {
    const first = await clients.observer!.get(`/api/documents/${docId}/sections`);
    expect(first.status).toBe(200);
    const { items } = DocumentSectionListSchema.parse(first.body);
    // The Workshop notes template: the title, then one H2 per section.
    expect(items[0]).toMatchObject({ level: 1, heading: 'Sectioned plan' });
    expect(items.length).toBeGreaterThan(2);
    expect(items.slice(1).every((s) => s.level === 2)).toBe(true);

    // A live edit not yet stored: a new heading typed above everything.
    editor = connectCollab(server.baseUrl, docId, { cookie: clients.lead!.sessionCookie });
    await synced(editor);
    const top = new Y.XmlElement('heading');
    // As the editor's binding stores it: a number (Yjs types attributes as strings).
    top.setAttribute('level', 1 as unknown as string);
    top.insert(0, [new Y.XmlText('Before the title')]);
    editor.doc.getXmlFragment(FRAGMENT_NAME).insert(0, [top]);
    const serverTop = () =>
      server.collab().rooms.room(docId)?.doc.getXmlFragment(FRAGMENT_NAME).get(0)?.toString();
    await waitFor(() => !!serverTop()?.includes('Before the title'), 5000, 'server has it');

    const after = DocumentSectionListSchema.parse(
      (await clients.observer!.get(`/api/documents/${docId}/sections`)).body,
    ).items;
    expect(after[0]!.heading).toBe('Before the title');
    // The same headings, under the same anchors, one place further down.
    expect(after.slice(1)).toEqual(items);
  });

  it('hides the document from those who may not read it, and refuses the signed out', async () => {
    expect((await clients.outsider!.get(`/api/documents/${docId}/sections`)).status).toBe(404);
    expect((await clients.lead!.get('/api/documents/no-such-doc/sections')).status).toBe(404);
    expect(
      (await new TestClient(server.baseUrl).get(`/api/documents/${docId}/sections`)).status,
    ).toBe(401);
  });
});
