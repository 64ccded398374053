import {
  ProgrammeCellDetailSchema,
  ProgrammeHeatmapSchema,
  type ProgrammeHeatmap,
} from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../services/passwords.js';
import { appendMatrix } from '../testing/assessmentDocuments.js';
import { buildUser } from '../testing/factories.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';
import { readDemoWorkspace, signedIn } from '../testing/workshopRequests.js';

/**
 * The programme view over REST on the real server: two assessments of two groups scored and
 * revealed through the assessment routes, read by people who may read one, both or neither.
 */
let server: TestServer;
const as: Record<string, TestClient> = {};
let docA: string;
let docB: string;

/** Matrix cell of the default matrix: its rows are the six priorities, its columns the DAC six. */
const FINANCING = 3;
const RELEVANCE = 0;

async function createAssessment(who: string, workingGroupId: string, title: string) {
  const created = await as[who]!.post('/api/documents', {
    title,
    kind: 'workshop_notes',
    workingGroupId,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  expect(created.status, created.text).toBe(201);
  const documentId = created.body.id as string;
  const matrix = await appendMatrix(server, documentId, { title: `${title} matrix` });
  return { documentId, ...matrix };
}

async function score(
  who: string,
  at: { documentId: string; matrixId: string; rowIds: string[]; criterionIds: string[] },
  row: number,
  criterion: number,
  value: number,
) {
  const res = await as[who]!.put(
    `/api/documents/${at.documentId}/assessments/${at.matrixId}/scores`,
    {
      rowId: at.rowIds[row],
      criterionId: at.criterionIds[criterion],
      score: value,
    },
  );
  expect(res.status, res.text).toBe(200);
}

async function reveal(who: string, at: { documentId: string; matrixId: string }) {
  const res = await as[who]!.post(
    `/api/documents/${at.documentId}/assessments/${at.matrixId}/reveal`,
    {},
  );
  expect(res.status, res.text).toBe(200);
}

async function heatmap(who: string, query = ''): Promise<ProgrammeHeatmap> {
  const res = await as[who]!.get(`/api/programme/assessments${query}`);
  expect(res.status, res.text).toBe(200);
  return ProgrammeHeatmapSchema.parse(res.body);
}

beforeAll(async () => {
  server = await startTestServer();
  for (const email of [
    'admin@polisee.test',
    'lead@polisee.test',
    'member@polisee.test',
    'lead.skills@polisee.test',
    'lead.financing@polisee.test',
  ]) {
    as[email.split('@')[0]!] = await signedIn(server.baseUrl, email);
  }
  // Someone of no working group at all.
  const [organisation] = await server.ctx.store.organisations.list();
  const outsider = buildUser({
    organisationId: organisation!.id,
    passwordHash: await hashPassword(TEST_PASSWORD),
  });
  await server.ctx.store.users.create(outsider);
  as.outsider = await signedIn(server.baseUrl, outsider.email);

  const demo = await readDemoWorkspace(as.admin!);
  // WG1: the lead (GR) and the member (RO) score; the lead reveals.
  const a = await createAssessment('lead', demo.strategyId, 'Strategy assessment');
  await score('lead', a, FINANCING, RELEVANCE, 4);
  await score('member', a, FINANCING, RELEVANCE, 2);
  await reveal('lead', a);
  // A second matrix of WG1's document, still scoring: never counted.
  const scoring = await appendMatrix(server, a.documentId);
  await score('lead', { documentId: a.documentId, ...scoring }, 0, 4, 5);
  // WG3: the member (RO) and its lead (HU) score; its lead reveals.
  const b = await createAssessment('lead.skills', demo.skillsId, 'Skills assessment');
  await score('member', b, FINANCING, RELEVANCE, 5);
  await score('lead.skills', b, FINANCING, RELEVANCE, 1);
  await reveal('lead.skills', b);
  docA = a.documentId;
  docB = b.documentId;
});
afterAll(() => server.close());

describe('GET /api/programme/assessments', () => {
  it('aggregates what each reader may read, by priority and scorer country', async () => {
    // The member reads WG1 and WG3: both assessments.
    const member = await heatmap('member');
    expect(member.countries).toEqual(['GR', 'HU', 'RO']);
    expect(member.cells).toEqual([
      { priority: 'financing', country: 'GR', mean: 4, scores: 1, assessments: 1 },
      { priority: 'financing', country: 'HU', mean: 1, scores: 1, assessments: 1 },
      { priority: 'financing', country: 'RO', mean: 3.5, scores: 2, assessments: 2 },
    ]);
    expect(member.sources).toEqual({ documents: 2, matrices: 2, scores: 4 });
    // The lead reads WG1 (and WG2): only the first, whoever scored it.
    expect((await heatmap('lead')).cells).toEqual([
      { priority: 'financing', country: 'GR', mean: 4, scores: 1, assessments: 1 },
      { priority: 'financing', country: 'RO', mean: 2, scores: 1, assessments: 1 },
    ]);
    // WG3's lead: only the second.
    expect((await heatmap('lead.skills')).sources.documents).toBe(1);
  });

  it('gives an empty heatmap, not an error, to someone who reads no group', async () => {
    for (const who of ['outsider', 'lead.financing']) {
      expect(await heatmap(who)).toEqual({
        priorities: [
          'innovation',
          'sustainability',
          'internationalisation',
          'financing',
          'specialisation',
          'skills',
        ],
        countries: [],
        cells: [],
        unprioritised: [],
        sources: { documents: 0, matrices: 0, scores: 0 },
      });
    }
  });

  it('filters, and refuses a filter it does not know', async () => {
    const demo = await readDemoWorkspace(as.admin!);
    expect((await heatmap('admin', `?workingGroupId=${demo.skillsId}`)).sources.documents).toBe(1);
    expect((await heatmap('admin', '?criterion=impact')).cells).toEqual([]);
    expect((await heatmap('admin', '?status=draft')).sources.documents).toBe(2);
    const bad = await as.admin!.get('/api/programme/assessments?criterion=beauty');
    expect(bad.status).toBe(400);
    expect(bad.body.error.code).toBe('validation_failed');
    const unknown = await as.admin!.get('/api/programme/assessments?country=GR');
    expect(unknown.status).toBe(400);
  });

  it('answers 401 without a session', async () => {
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.get('/api/programme/assessments')).status).toBe(401);
    expect(
      (await anonymous.get('/api/programme/assessments/cell?priority=financing&country=RO')).status,
    ).toBe(401);
  });
});

describe('GET /api/programme/assessments/cell', () => {
  it('lists the documents and matrix cells behind a number', async () => {
    const res = await as.member!.get(
      '/api/programme/assessments/cell?priority=financing&country=RO',
    );
    expect(res.status, res.text).toBe(200);
    const detail = ProgrammeCellDetailSchema.parse(res.body);
    expect(detail.cell).toEqual({
      priority: 'financing',
      country: 'RO',
      mean: 3.5,
      scores: 2,
      assessments: 2,
    });
    expect(detail.criteria).toEqual([{ dac: 'relevance', label: '', mean: 3.5, scores: 2 }]);
    expect(
      detail.documents.map((d) => [
        d.documentId,
        d.title,
        d.matrices.map((m) => [m.title, m.round, m.cells.map((c) => [c.dac, c.mean, c.scores])]),
      ]),
    ).toEqual([
      [docB, 'Skills assessment', [['Skills assessment matrix', 1, [['relevance', 5, 1]]]]],
      [docA, 'Strategy assessment', [['Strategy assessment matrix', 1, [['relevance', 2, 1]]]]],
    ]);
  });

  it('shows an outsider nothing behind any number', async () => {
    const res = await as.outsider!.get(
      '/api/programme/assessments/cell?priority=financing&country=RO',
    );
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      priority: 'financing',
      country: 'RO',
      cell: null,
      criteria: [],
      documents: [],
    });
    const bad = await as.member!.get('/api/programme/assessments/cell?priority=money&country=RO');
    expect(bad.status).toBe(400);
  });
});
