import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeVersionState } from '../../content/versionContent.js';
import { ydocToContent } from '../../content/yjsContent.js';
import {
  connectCollab,
  synced,
  waitFor,
  type CollabTestClient,
} from '../../testing/collabClient.js';
import { TestClient } from '../../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../../testing/testServer.js';
import { demoDocuments } from '../../seed/demoDocuments.js';
import { createdVersionName } from '../../templates/catalog.js';

/**
 * Every document has a history from its birth: a new document, and every seeded one, starts
 * with a version of its text as created, which the first edits are compared with.
 */
let server: TestServer;
let lead: TestClient;
let leadId: string;
let strategyId: string;
const editors: CollabTestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  lead = new TestClient(server.baseUrl);
  leadId = ((await lead.login('lead@polisee.test', TEST_PASSWORD)) as { user: { id: string } }).user
    .id;
  const groups = await lead.get('/api/working-groups');
  strategyId = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead').id;
});

afterAll(async () => {
  editors.forEach((e) => e.destroy());
  await server.close();
});

async function createDocument(language: string) {
  const created = await lead.post('/api/documents', {
    title: `Notes (${language})`,
    kind: 'workshop_notes',
    workingGroupId: strategyId,
    thematicPriorities: ['innovation'],
    language,
  });
  expect(created.status).toBe(201);
  return created.body.id as string;
}

const versionsOf = async (id: string) => (await lead.get(`/api/documents/${id}/versions`)).body;

describe('the version a document starts with', () => {
  it('is taken when a document is created, named after its template in its language', async () => {
    for (const [language, name] of [
      ['en', 'Created from template: Workshop notes'],
      ['hu', 'Sablonból létrehozva: Műhelyjegyzet'],
    ]) {
      const id = await createDocument(language!);
      const { items } = await versionsOf(id);
      expect(items).toHaveLength(1);
      expect(items[0]).toMatchObject({
        documentId: id,
        number: 1,
        kind: 'named',
        name,
        createdBy: leadId,
        contributors: [],
        documentStatus: 'draft',
        sourceVersionId: null,
      });
      // It holds the document exactly as created: the template under the title.
      const version = await lead.get(`/api/documents/${id}/versions/${items[0].id}`);
      const content = await lead.get(`/api/documents/${id}/content`);
      expect(version.body.json).toEqual(content.body.json);
      expect(version.body.text).toContain(`Notes (${language})`);
    }
  });

  it('is there for every seeded document, with the text as seeded', async () => {
    const seeded = new Set(demoDocuments().map((d) => d.title));
    const documents = (await server.ctx.store.documents.list({ includeArchived: true })).filter(
      (d) => seeded.has(d.title),
    );
    expect(documents).toHaveLength(seeded.size);
    for (const document of documents) {
      // The demo's knowledge base is published at once: a `published` copy follows (decision 0062).
      const versions = (await server.ctx.store.versions.list(document.id, { limit: 10 })).reverse();
      expect(versions, document.title).toHaveLength(document.status === 'published' ? 2 : 1);
      expect(versions[0]).toMatchObject({
        kind: 'named',
        createdBy: document.createdBy,
        name: createdVersionName(document.kind, document.language),
      });
      const state = await server.ctx.store.versions.state(versions[0]!.id);
      const ydoc = decodeVersionState(state!);
      expect(ydocToContent(ydoc).text.startsWith(document.title), document.title).toBe(true);
      ydoc.destroy();
    }
    // The plan, not the demo's English good practice (published: its newest version is that copy).
    const english = documents.find(
      (d) => d.language === 'en' && d.kind === 'joint_strategic_plan',
    )!;
    const [first] = await server.ctx.store.versions.list(english.id, { limit: 1 });
    expect(first!.name).toBe('Created from template: Joint Strategic Plan');
  });

  it('is what the first edit is compared with', async () => {
    const id = await createDocument('en');
    const [initial] = (await versionsOf(id)).items;
    const editor = connectCollab(server.baseUrl, id, { cookie: lead.sessionCookie });
    editors.push(editor);
    await synced(editor);
    const paragraph = new Y.XmlElement('paragraph');
    paragraph.insert(0, [new Y.XmlText('The first words anyone wrote here.')]);
    const fragment = editor.doc.getXmlFragment(FRAGMENT_NAME);
    fragment.insert(fragment.length, [paragraph]);
    await waitFor(
      () => {
        const room = server.collab().rooms.room(id);
        return !!room && ydocToContent(room.doc).text.includes('The first words');
      },
      5000,
      'the server has the edit',
    );

    const diff = await lead.get(`/api/documents/${id}/diff?from=${initial.id}&to=current`);
    expect(diff.status).toBe(200);
    expect(diff.body.stats).toMatchObject({ inserted: 1, deleted: 0 });
    const json = JSON.stringify(diff.body.json);
    expect(json).toContain('"diffInsert"');
    expect(json).toContain('The first words anyone wrote here.');
    // The template's own text is there, unmarked: only the edit is new.
    expect(json).toContain('Date and participants');

    // And a version taken later compares with it the same way.
    const later = await lead.post(`/api/documents/${id}/versions`, { name: 'After the edit' });
    expect(later.body.number).toBe(2);
    const between = await lead.get(
      `/api/documents/${id}/diff?from=${initial.id}&to=${later.body.id}`,
    );
    expect(between.body.stats).toEqual(diff.body.stats);
  });
});
