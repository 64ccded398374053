import { DocumentBlocksSchema } from '@polisee/contracts';
import {
  buildSchema,
  FRAGMENT_NAME,
  newAssessmentMatrix,
  newForesightBoard,
  newPilotIndicators,
  type JSONContent,
} from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { initProseMirrorDoc, updateYFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/** `GET /api/documents/:id/blocks` on the real server: the blocks of the live document. */
const schema = buildSchema();
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
    title: 'Assessed plan',
    kind: 'workshop_notes',
    workingGroupId: strategy.id,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  docId = created.body.id;
});

afterAll(async () => {
  editor?.destroy();
  await server.close();
});

const getBlocks = async (client: TestClient) => {
  const res = await client.get(`/api/documents/${docId}/blocks`);
  expect(res.status).toBe(200);
  return DocumentBlocksSchema.parse(res.body);
};

describe('document blocks route', () => {
  it('reads no blocks from a document that has none', async () => {
    expect(await getBlocks(clients.observer!)).toEqual({
      documentId: docId,
      matrices: [],
      boards: [],
      pilotIndicators: [],
      assessments: [],
    });
  });

  it('reads the blocks of the live document, edits not yet stored included', async () => {
    editor = connectCollab(server.baseUrl, docId, { cookie: clients.lead!.sessionCookie });
    await synced(editor);
    const fragment = editor.doc.getXmlFragment(FRAGMENT_NAME);
    const current = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
    const matrix = newAssessmentMatrix({
      title: 'Regional assessment',
      criteria: [{ dac: 'relevance' }, { label: 'Feasibility' }],
      rows: [{ label: 'Cluster financing', priority: 'financing' }],
    });
    const board = newForesightBoard({
      drivers: [{ category: 'political', label: 'EU funding', impact: 5, uncertainty: 4 }],
    });
    const pilot = newPilotIndicators({
      indicators: [{ name: 'Firms joining', unit: 'firms', baseline: 10, target: 30, result: 20 }],
    });
    const edited = { ...current, content: [...current.content!, matrix, board, pilot] };
    // Written as the editor's binding writes it.
    const { meta } = initProseMirrorDoc(fragment, schema);
    editor.doc.transact(() =>
      updateYFragment(editor!.doc, fragment, PMNode.fromJSON(schema, edited), meta),
    );
    const serverNodes = () =>
      server
        .collab()
        .rooms.room(docId)
        ?.doc.getXmlFragment(FRAGMENT_NAME)
        .toArray()
        .map((node) => (node as { nodeName?: string }).nodeName);
    await waitFor(
      () => !!serverNodes()?.includes('pilotIndicators'),
      5000,
      'server has the blocks',
    );

    const blocks = await getBlocks(clients.observer!);
    expect(blocks.matrices).toEqual([
      {
        matrixId: matrix.attrs!.matrixId,
        title: 'Regional assessment',
        allowObservers: false,
        criteria: [
          { criterionId: matrix.content![0]!.attrs!.criterionId, label: '', dac: 'relevance' },
          { criterionId: matrix.content![1]!.attrs!.criterionId, label: 'Feasibility', dac: null },
        ],
        rows: [
          {
            rowId: matrix.content![2]!.attrs!.rowId,
            label: 'Cluster financing',
            priority: 'financing',
          },
        ],
      },
    ]);
    expect(blocks.boards[0]!.drivers).toMatchObject([
      { label: 'EU funding', category: 'political', impact: 5, uncertainty: 4 },
    ]);
    expect(blocks.boards[0]!.scenarios.map((s) => s.quadrant)).toEqual(['hh', 'hl', 'lh', 'll']);
    expect(blocks.pilotIndicators[0]!.indicators[0]).toMatchObject({
      name: 'Firms joining',
      achievement: 0.5,
    });
  });

  it("adds each matrix's revealed results, and nothing of a round still scoring", async () => {
    const [matrix] = (await getBlocks(clients.observer!)).matrices;
    const cell = { rowId: matrix!.rows[0]!.rowId, criterionId: matrix!.criteria[0]!.criterionId };
    const base = `/api/documents/${docId}/assessments/${matrix!.matrixId}`;
    const scored = await clients.lead!.put(`${base}/scores`, {
      ...cell,
      score: 4,
      rationale: 'Private until revealed',
    });
    expect(scored.status).toBe(200);

    const scoring = await clients.observer!.get(`/api/documents/${docId}/blocks`);
    expect(JSON.stringify(scoring.body)).not.toContain('Private until revealed');
    expect(DocumentBlocksSchema.parse(scoring.body).assessments).toEqual([
      { matrixId: matrix!.matrixId, round: 1, phase: 'scoring', results: [] },
    ]);

    expect((await clients.lead!.post(`${base}/reveal`)).status).toBe(200);
    const [revealed] = (await getBlocks(clients.observer!)).assessments;
    expect(revealed).toMatchObject({ round: 1, phase: 'revealed' });
    expect(revealed!.results[0]!.cells).toContainEqual(
      expect.objectContaining({ ...cell, count: 1, mean: 4 }),
    );
  });

  it('hides the document from a reader of another group, and refuses the signed out', async () => {
    expect((await clients.outsider!.get(`/api/documents/${docId}/blocks`)).status).toBe(404);
    expect((await clients.lead!.get('/api/documents/no-such-doc/blocks')).status).toBe(404);
    expect(
      (await new TestClient(server.baseUrl).get(`/api/documents/${docId}/blocks`)).status,
    ).toBe(401);
  });
});
