import { ASSESSMENT_ERRORS, AssessmentViewSchema, type AssessmentView } from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMatrix } from '../testing/assessmentDocuments.js';
import type { TestClient } from '../testing/httpClient.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { signedIn } from '../testing/workshopRequests.js';

/**
 * Assessment scoring over REST on the real server: private scores, the errors that change
 * nothing, reveal with its statistics, and the Delphi second round with its fallbacks.
 */
let server: TestServer;
const as: Record<string, TestClient> = {};
let docId: string;

beforeAll(async () => {
  server = await startTestServer();
  for (const email of [
    'admin@polisee.test',
    'lead@polisee.test',
    'member@polisee.test',
    'observer@polisee.test',
    'sc@polisee.test',
  ]) {
    as[email.split('@')[0]!] = await signedIn(server.baseUrl, email);
  }
  const groups = await as.lead!.get('/api/working-groups');
  const strategy = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await as.lead!.post('/api/documents', {
    title: 'Policy assessment',
    kind: 'workshop_notes',
    workingGroupId: strategy.id,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  expect(created.status, created.text).toBe(201);
  docId = created.body.id;
});
afterAll(() => server.close());

const url = (matrixId: string, rest = '') =>
  `/api/documents/${docId}/assessments/${matrixId}${rest}`;

async function view(who: string, matrixId: string): Promise<AssessmentView> {
  const res = await as[who]!.get(url(matrixId));
  expect(res.status, res.text).toBe(200);
  return AssessmentViewSchema.parse(res.body);
}

async function score(
  who: string,
  matrixId: string,
  cell: { rowId: string; criterionId: string; score: number; rationale?: string | null },
) {
  const res = await as[who]!.put(url(matrixId, '/scores'), cell);
  expect(res.status, res.text).toBe(200);
  return AssessmentViewSchema.parse(res.body);
}

describe('scoring a matrix', () => {
  it('starts in round 1, scoring, with nothing scored', async () => {
    const { matrixId } = await appendMatrix(server, docId);
    expect(await view('observer', matrixId)).toEqual({
      documentId: docId,
      matrixId,
      round: 1,
      phase: 'scoring',
      startedAt: null,
      revealedAt: null,
      revealedBy: null,
      scorerCount: 0,
      myScores: [],
      results: [],
    });
  });

  it('keeps one score per scorer and cell, normalises the rationale, and counts scorers', async () => {
    const { matrixId, rowIds, criterionIds } = await appendMatrix(server, docId);
    const cell = { rowId: rowIds[0]!, criterionId: criterionIds[0]! };
    const first = await score('member', matrixId, { ...cell, score: 2 });
    expect(first.myScores).toEqual([
      { ...cell, score: 2, rationale: null, round: 1, updatedAt: expect.any(String) },
    ]);
    expect(first.startedAt).not.toBeNull();
    // Sent again (a retry, a second tab): replaces it. Bidi controls are removed, empty is none.
    const again = await score('member', matrixId, {
      ...cell,
      score: 4,
      rationale: '  Strong \u202Edemand  ',
    });
    expect(again.myScores).toEqual([
      expect.objectContaining({ score: 4, rationale: 'Strong demand' }),
    ]);
    expect(again.scorerCount).toBe(1);
    await score('lead', matrixId, { ...cell, score: 5, rationale: '' });
    const lead = await view('lead', matrixId);
    expect(lead.scorerCount).toBe(2);
    expect(lead.myScores).toEqual([expect.objectContaining({ score: 5, rationale: null })]);
  });

  it('refuses a score out of 1–5, a cell or matrix that does not exist, and changes nothing', async () => {
    const { matrixId, rowIds, criterionIds } = await appendMatrix(server, docId);
    const cell = { rowId: rowIds[0]!, criterionId: criterionIds[0]! };
    await score('member', matrixId, { ...cell, score: 3 });
    const before = await view('member', matrixId);

    for (const bad of [0, 6, 2.5, '4']) {
      const res = await as.member!.put(url(matrixId, '/scores'), { ...cell, score: bad });
      expect(res.status, String(bad)).toBe(400);
      expect(res.body.error.code).toBe('validation_failed');
      expect(res.body.error.details[0].path).toBe('score');
    }
    const tooLong = await as.member!.put(url(matrixId, '/scores'), {
      ...cell,
      score: 2,
      rationale: 'x'.repeat(2001),
    });
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.error.details[0]).toMatchObject({ path: 'rationale', code: 'too_long' });

    const noRow = await as.member!.put(url(matrixId, '/scores'), {
      ...cell,
      rowId: 'no-such-row',
      score: 2,
    });
    expect(noRow.status).toBe(400);
    expect(noRow.body.error).toMatchObject({
      code: 'validation_failed',
      reason: ASSESSMENT_ERRORS.unknownCell,
    });
    const noCriterion = await as.member!.put(url(matrixId, '/scores'), {
      ...cell,
      criterionId: rowIds[1]!,
      score: 2,
    });
    expect(noCriterion.body.error.reason).toBe(ASSESSMENT_ERRORS.unknownCell);
    const noMatrix = await as.member!.put(url('no-such-matrix', '/scores'), { ...cell, score: 2 });
    expect(noMatrix.status).toBe(404);
    expect(noMatrix.body.error.reason).toBe(ASSESSMENT_ERRORS.unknownMatrix);

    expect(await view('member', matrixId)).toEqual(before);
  });

  it('lets observers and committees score only when the matrix allows it', async () => {
    const closed = await appendMatrix(server, docId);
    const open = await appendMatrix(server, docId, { allowObservers: true });
    for (const who of ['observer', 'sc']) {
      const refused = await as[who]!.put(url(closed.matrixId, '/scores'), {
        rowId: closed.rowIds[0],
        criterionId: closed.criterionIds[0],
        score: 3,
      });
      expect(refused.status, who).toBe(403);
      await score(who, open.matrixId, {
        rowId: open.rowIds[0]!,
        criterionId: open.criterionIds[0]!,
        score: 3,
      });
    }
    expect((await view('lead', closed.matrixId)).scorerCount).toBe(0);
    expect((await view('lead', open.matrixId)).scorerCount).toBe(2);
  });

  it('withdraws one’s own score while scoring', async () => {
    const { matrixId, rowIds, criterionIds } = await appendMatrix(server, docId);
    const cell = { rowId: rowIds[0]!, criterionId: criterionIds[0]! };
    await score('member', matrixId, { ...cell, score: 3 });
    await score('lead', matrixId, { ...cell, score: 4 });
    const res = await as.member!.delete(url(matrixId, `/scores/${cell.rowId}/${cell.criterionId}`));
    expect(res.status, res.text).toBe(200);
    expect(AssessmentViewSchema.parse(res.body)).toMatchObject({ myScores: [], scorerCount: 1 });
    // The lead's score is theirs: still there.
    expect((await view('lead', matrixId)).myScores).toHaveLength(1);
  });
});

describe('reveal and the second round', () => {
  it('reveals the round to every reader with statistics per cell, then refuses scores', async () => {
    const { matrixId, rowIds, criterionIds } = await appendMatrix(server, docId, {
      allowObservers: true,
      criteria: [{ dac: 'relevance' }, { label: 'Feasibility' }],
      rows: [{ label: 'Cluster financing', priority: 'financing' }],
    });
    const [r] = rowIds;
    const [c1, c2] = criterionIds;
    await score('member', matrixId, { rowId: r!, criterionId: c1!, score: 1, rationale: 'Weak' });
    await score('lead', matrixId, { rowId: r!, criterionId: c1!, score: 4 });
    await score('sc', matrixId, { rowId: r!, criterionId: c1!, score: 4 });
    await score('observer', matrixId, { rowId: r!, criterionId: c1!, score: 4 });
    await score('lead', matrixId, { rowId: r!, criterionId: c2!, score: 2 });

    const byMember = await as.member!.post(url(matrixId, '/reveal'));
    expect(byMember.status).toBe(403);
    const res = await as.lead!.post(url(matrixId, '/reveal'));
    expect(res.status, res.text).toBe(200);

    const seen = await view('observer', matrixId);
    expect(seen).toMatchObject({ round: 1, phase: 'revealed', scorerCount: 4 });
    expect(seen.myScores).toEqual([expect.objectContaining({ score: 4 })]);
    const [results] = seen.results;
    expect(results!.structure).toEqual({
      rows: [{ rowId: r, label: 'Cluster financing', priority: 'financing' }],
      criteria: [
        { criterionId: c1, label: '', dac: 'relevance' },
        { criterionId: c2, label: 'Feasibility', dac: null },
      ],
    });
    expect(results!.scorerCount).toBe(4);
    const [first, second] = results!.cells;
    expect(first).toMatchObject({
      rowId: r,
      criterionId: c1,
      count: 4,
      mean: 3.25,
      min: 1,
      max: 4,
    });
    expect(first!.stdDev).toBeCloseTo(Math.sqrt(1.6875), 12);
    expect(first!.scores.map((s) => [s.organisationName, s.country, s.score, s.outlier])).toEqual([
      ['Albanian Cluster Network', 'AL', 4, false],
      ['North-East Regional Development Agency', 'RO', 1, true],
      ['Pannon Innovation Agency', 'HU', 4, false],
      ['Region of Central Macedonia', 'GR', 4, false],
    ]);
    expect(first!.scores[1]).toMatchObject({ name: 'Mihai Popescu', rationale: 'Weak' });
    // Fewer than three scores: no outlier, however far.
    expect(second).toMatchObject({ count: 1, mean: 2, stdDev: 0 });

    const late = await as.member!.put(url(matrixId, '/scores'), {
      rowId: r,
      criterionId: c2,
      score: 5,
    });
    expect(late.status).toBe(409);
    expect(late.body.error.reason).toBe(ASSESSMENT_ERRORS.notScoring);
    const withdraw = await as.member!.delete(url(matrixId, `/scores/${r}/${c1}`));
    expect(withdraw.body.error.reason).toBe(ASSESSMENT_ERRORS.notScoring);
    const twice = await as.admin!.post(url(matrixId, '/reveal'));
    expect(twice.status).toBe(409);
    expect(twice.body.error.reason).toBe(ASSESSMENT_ERRORS.notScoring);
    expect((await view('lead', matrixId)).results).toEqual(seen.results);
  });

  it('runs a second round from everyone’s first answers, and reveals it with the fallbacks', async () => {
    const { matrixId, rowIds, criterionIds } = await appendMatrix(server, docId);
    const cell = { rowId: rowIds[0]!, criterionId: criterionIds[0]! };
    const early = await as.lead!.post(url(matrixId, '/second-round'));
    expect(early.status).toBe(409);
    expect(early.body.error.reason).toBe(ASSESSMENT_ERRORS.roundUnavailable);

    await score('member', matrixId, { ...cell, score: 1, rationale: 'First thoughts' });
    await score('lead', matrixId, { ...cell, score: 5 });
    await score('admin', matrixId, { ...cell, score: 3 });
    expect((await as.admin!.post(url(matrixId, '/reveal'))).status).toBe(200);
    expect((await as.member!.post(url(matrixId, '/second-round'))).status).toBe(403);
    const started = await as.lead!.post(url(matrixId, '/second-round'));
    expect(started.status, started.text).toBe(200);
    expect((await as.lead!.post(url(matrixId, '/second-round'))).status).toBe(409);

    // Round 2: round 1's results are shown, and the scorer's round-1 scores prefill.
    const member = await view('member', matrixId);
    expect(member).toMatchObject({ round: 2, phase: 'scoring', scorerCount: 0 });
    expect(member.results.map((r) => r.round)).toEqual([1]);
    expect(member.myScores).toEqual([
      expect.objectContaining({ score: 1, rationale: 'First thoughts', round: 1 }),
    ]);
    const revised = await score('member', matrixId, { ...cell, score: 3, rationale: 'Convinced' });
    expect(revised.myScores).toEqual([expect.objectContaining({ score: 3, round: 2 })]);
    expect(revised.scorerCount).toBe(1);
    // Round 1's results do not move with a revision.
    expect(revised.results[0]!.cells[0]).toMatchObject({ mean: 3, count: 3 });

    expect((await as.lead!.post(url(matrixId, '/reveal'))).status).toBe(200);
    const done = await view('member', matrixId);
    expect(done).toMatchObject({ round: 2, phase: 'revealed' });
    expect(done.results.map((r) => r.round)).toEqual([1, 2]);
    // The member's revision (3), the lead's and the admin's round-1 scores (5, 3).
    expect(done.results[1]!.cells[0]).toMatchObject({ count: 3, mean: 11 / 3, min: 3, max: 5 });
    expect(done.results[1]!.scorerCount).toBe(3);
  });
});
