import { SectionAtSchema, type DocumentSection } from '@polisee/contracts';
import { buildSchema, FRAGMENT_NAME, type JSONContent } from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { initProseMirrorDoc, updateYFragment } from 'y-prosemirror';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveDocumentsOf } from '../testing/assessmentDocuments.js';
import type { TestClient } from '../testing/httpClient.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { signedIn } from '../testing/workshopRequests.js';

/**
 * `GET /api/documents/:id/sections/at`: a stored anchor read back as its heading is now, the
 * way a scenario's section link shows it (decision 0053).
 */
let server: TestServer;
let lead: TestClient;
let docId: string;

const heading = (text: string): JSONContent => ({
  type: 'heading',
  attrs: { level: 2 },
  content: [{ type: 'text', text }],
});
const paragraph = (text: string): JSONContent => ({
  type: 'paragraph',
  content: [{ type: 'text', text }],
});

/** Sets the document's content as the editor's binding would (a diff, not a rewrite). */
async function setContent(content: JSONContent[]) {
  const schema = buildSchema();
  await liveDocumentsOf(server).change(docId, (doc, origin) => {
    const fragment = doc.getXmlFragment(FRAGMENT_NAME);
    const { meta } = initProseMirrorDoc(fragment, schema);
    const next = PMNode.fromJSON(schema, { type: 'doc', content });
    doc.transact(() => updateYFragment(doc, fragment, next, meta), origin);
  });
}

const at = async (client: TestClient, anchor: string) => {
  const res = await client.get(
    `/api/documents/${docId}/sections/at?anchor=${encodeURIComponent(anchor)}`,
  );
  return { status: res.status, body: res.status === 200 ? SectionAtSchema.parse(res.body) : null };
};

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn(server.baseUrl, 'lead@polisee.test');
  const groups = await lead.get('/api/working-groups');
  const strategy = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await lead.post('/api/documents', {
    title: 'Regional plan',
    kind: 'workshop_notes',
    workingGroupId: strategy.id,
    thematicPriorities: ['skills'],
    language: 'en',
  });
  expect(created.status, created.text).toBe(201);
  docId = created.body.id;
});
afterAll(() => server.close());

describe('a section read back by its anchor', () => {
  it('follows its heading through a rename, and reads null once the heading is gone', async () => {
    await setContent([heading('Aims'), paragraph('Why.'), heading('Budget'), paragraph('How.')]);
    const sections = (await lead.get(`/api/documents/${docId}/sections`)).body
      .items as DocumentSection[];
    const budget = sections.find((s) => s.heading === 'Budget')!;
    expect(await at(lead, budget.anchor)).toEqual({
      status: 200,
      body: { section: { anchor: budget.anchor, level: 2, heading: 'Budget' } },
    });

    // Text inserted before it and the heading renamed: the anchor still names it.
    await setContent([
      paragraph('Foreword.'),
      heading('Aims'),
      paragraph('Why.'),
      heading('Budget and costs'),
      paragraph('How.'),
    ]);
    expect((await at(lead, budget.anchor)).body?.section).toMatchObject({
      level: 2,
      heading: 'Budget and costs',
    });

    await setContent([paragraph('Foreword.'), heading('Aims'), paragraph('Why.')]);
    expect(await at(lead, budget.anchor)).toEqual({ status: 200, body: { section: null } });
  });

  it('refuses an anchor that is not base64, and hides the document from non-readers', async () => {
    expect((await at(lead, 'not an anchor!')).status).toBe(400);
    const outsider = await signedIn(server.baseUrl, 'lead.skills@polisee.test');
    expect((await at(outsider, 'AAAA')).status).toBe(404);
  });
});
