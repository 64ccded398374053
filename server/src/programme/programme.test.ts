import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { MatrixStructure, Organisation, PoliDocument } from '@polisee/domain';
import { pino } from 'pino';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeStoredState } from '../content/yjsContent.js';
import type { Actor } from '../policies/policy.js';
import { createServiceContext, type ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { SqliteStore } from '../store/sqlite/SqliteStore.js';
import {
  buildDocument,
  buildOrganisation,
  buildUser,
  buildWorkingGroup,
} from '../testing/factories.js';
import { buildAssessmentRound, buildAssessmentScore } from '../testing/assessmentFactories.js';
import { getProgrammeCell } from './getProgrammeCell.js';
import { getProgrammeHeatmap } from './getProgrammeHeatmap.js';
import { RoundTallies } from './roundTallies.js';

/**
 * The programme view's counting on a real SQLite store: who reads what, which round counts,
 * and the drill-down agreeing with the heatmap.
 */
let dir: string;
let store: SqliteStore;
let ctx: ServiceContext;
let greece: Organisation;
let romania: Organisation;
let docA: PoliDocument;
let docB: PoliDocument;
const scorers = { gr1: '', gr2: '', ro: '' };
let groupA: string;
/** Kept across calls as the route keeps it: a test that reveals more sees it tallied afresh. */
let tallies: RoundTallies;

/** rows: financing, innovation, one without a priority; criteria: relevance, impact. */
const STRUCTURE: MatrixStructure = {
  rows: [
    { rowId: 'r-fin', label: '', priority: 'financing' },
    { rowId: 'r-inn', label: 'Cluster support', priority: 'innovation' },
    { rowId: 'r-none', label: 'Other', priority: null },
  ],
  criteria: [
    { criterionId: 'c-rel', label: '', dac: 'relevance' },
    { criterionId: 'c-imp', label: '', dac: 'impact' },
  ],
};

type Scores = [scorer: keyof typeof scorers, rowId: string, criterionId: string, score: number][];

async function putScores(documentId: string, matrixId: string, round: 1 | 2, scores: Scores) {
  for (const [who, rowId, criterionId, score] of scores) {
    await store.assessments.putScore(
      buildAssessmentScore({
        documentId,
        matrixId,
        round,
        userId: scorers[who],
        organisationId: who === 'ro' ? romania.id : greece.id,
        rowId,
        criterionId,
        score,
      }),
    );
  }
}

async function startRound(documentId: string, matrixId: string, round: 1 | 2) {
  await store.assessments.createRound(buildAssessmentRound({ documentId, matrixId, round }));
}

async function reveal(documentId: string, matrixId: string, round: 1 | 2) {
  expect(
    await store.assessments.revealRound(
      { documentId, matrixId, round },
      { revealedAt: new Date().toISOString(), revealedBy: scorers.gr1, structure: STRUCTURE },
    ),
  ).toBe(true);
}

/** A matrix scored in round 1 and revealed. */
async function revealedMatrix(documentId: string, matrixId: string, scores: Scores) {
  await startRound(documentId, matrixId, 1);
  await putScores(documentId, matrixId, 1, scores);
  await reveal(documentId, matrixId, 1);
}

/** Stored documents as the server reads them when no room is open. */
const live: LiveDocuments = {
  change: () => Promise.reject(new Error('not used')),
  async read(documentId, read) {
    const doc = decodeStoredState((await store.documentState.load(documentId))!);
    try {
      return read(doc);
    } finally {
      doc.destroy();
    }
  },
  readOpen: () => undefined,
  takeContributors: () => [],
};

const admin: Actor = { user: { id: 'admin', isAdmin: true }, memberships: [] };
const memberOfA = (): Actor => ({
  user: { id: 'reader', isAdmin: false },
  memberships: [{ userId: 'reader', workingGroupId: groupA, role: 'observer' }],
});

beforeEach(async () => {
  dir = mkdtempSync(path.join(tmpdir(), 'polisee-programme-'));
  store = new SqliteStore(path.join(dir, 'polisee.db'));
  ctx = createServiceContext(store, pino({ level: 'silent' }));
  tallies = new RoundTallies();
  greece = buildOrganisation({ country: 'GR' });
  romania = buildOrganisation({ name: 'North-East RDA', country: 'RO' });
  await store.organisations.create(greece);
  await store.organisations.create(romania);
  for (const who of Object.keys(scorers) as (keyof typeof scorers)[]) {
    const user = buildUser({ organisationId: who === 'ro' ? romania.id : greece.id });
    await store.users.create(user);
    scorers[who] = user.id;
  }
  const a = buildWorkingGroup({ name: 'WG A' });
  const b = buildWorkingGroup({ name: 'WG B' });
  await store.workingGroups.create(a);
  await store.workingGroups.create(b);
  groupA = a.id;
  const empty = Y.encodeStateAsUpdate(new Y.Doc());
  docA = buildDocument({
    title: 'Assessment A',
    kind: 'policy_assessment',
    workingGroupId: a.id,
    createdBy: scorers.gr1,
  });
  docB = buildDocument({
    title: 'Assessment B',
    kind: 'policy_assessment',
    workingGroupId: b.id,
    createdBy: scorers.gr1,
  });
  await store.documents.create(docA, empty);
  await store.documents.create(docB, empty);
  await revealedMatrix(docA.id, 'm-a', [
    ['gr1', 'r-fin', 'c-rel', 4],
    ['gr2', 'r-fin', 'c-rel', 2],
    ['gr1', 'r-fin', 'c-imp', 3],
    ['ro', 'r-fin', 'c-rel', 5],
    ['gr1', 'r-inn', 'c-imp', 3],
    ['gr1', 'r-none', 'c-rel', 1],
  ]);
  await revealedMatrix(docB.id, 'm-b', [['gr1', 'r-fin', 'c-rel', 1]]);
});

afterEach(async () => {
  await ctx.contentReader.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const cellOf = (
  heatmap: Awaited<ReturnType<typeof getProgrammeHeatmap>>,
  priority: string,
  country: string,
) => heatmap.cells.find((c) => c.priority === priority && c.country === country);

describe('getProgrammeHeatmap', () => {
  it('aggregates by row priority and scorer country, rows without a priority apart', async () => {
    const heatmap = await getProgrammeHeatmap(ctx, tallies, admin, {});
    expect(heatmap.priorities).toEqual([
      'innovation',
      'sustainability',
      'internationalisation',
      'financing',
      'specialisation',
      'skills',
    ]);
    expect(heatmap.countries).toEqual(['GR', 'RO']);
    expect(heatmap.cells).toEqual([
      { priority: 'innovation', country: 'GR', mean: 3, scores: 1, assessments: 1 },
      { priority: 'financing', country: 'GR', mean: 10 / 4, scores: 4, assessments: 2 },
      { priority: 'financing', country: 'RO', mean: 5, scores: 1, assessments: 1 },
    ]);
    expect(heatmap.unprioritised).toEqual([
      { priority: 'none', country: 'GR', mean: 1, scores: 1, assessments: 1 },
    ]);
    expect(heatmap.sources).toEqual({ documents: 2, matrices: 2, scores: 7 });
  });

  it('counts only the documents the reader may read', async () => {
    const heatmap = await getProgrammeHeatmap(ctx, tallies, memberOfA(), {});
    expect(cellOf(heatmap, 'financing', 'GR')).toEqual({
      priority: 'financing',
      country: 'GR',
      mean: 3,
      scores: 3,
      assessments: 1,
    });
    expect(heatmap.sources.documents).toBe(1);
    // A workshop guest of B only counts B.
    const guest: Actor = {
      user: { id: 'guest', isAdmin: false },
      memberships: [],
      guestDocumentIds: [docB.id],
    };
    const asGuest = await getProgrammeHeatmap(ctx, tallies, guest, {});
    expect(asGuest.cells).toEqual([
      { priority: 'financing', country: 'GR', mean: 1, scores: 1, assessments: 1 },
    ]);
    // Someone of no group sees nothing, without an error.
    const outsider: Actor = { user: { id: 'outsider', isAdmin: false }, memberships: [] };
    expect(await getProgrammeHeatmap(ctx, tallies, outsider, {})).toMatchObject({
      countries: [],
      cells: [],
      unprioritised: [],
      sources: { documents: 0, matrices: 0, scores: 0 },
    });
  });

  it('filters by working group, status and DAC criterion', async () => {
    const inA = await getProgrammeHeatmap(ctx, tallies, admin, { workingGroupId: groupA });
    expect(inA.sources.documents).toBe(1);
    expect(cellOf(inA, 'financing', 'GR')?.mean).toBe(3);
    expect((await getProgrammeHeatmap(ctx, tallies, admin, { status: 'published' })).cells).toEqual(
      [],
    );
    const impact = await getProgrammeHeatmap(ctx, tallies, admin, { criterion: 'impact' });
    expect(impact.cells).toEqual([
      { priority: 'innovation', country: 'GR', mean: 3, scores: 1, assessments: 1 },
      { priority: 'financing', country: 'GR', mean: 3, scores: 1, assessments: 1 },
    ]);
  });

  it('never counts a round still scoring', async () => {
    await startRound(docA.id, 'm-scoring', 1);
    await putScores(docA.id, 'm-scoring', 1, [['ro', 'r-inn', 'c-rel', 1]]);
    // Round 2 of m-a is scoring: round 1 still counts, the revisions do not yet.
    await startRound(docA.id, 'm-a', 2);
    await putScores(docA.id, 'm-a', 2, [['ro', 'r-fin', 'c-rel', 1]]);
    const heatmap = await getProgrammeHeatmap(ctx, tallies, admin, {});
    expect(cellOf(heatmap, 'innovation', 'RO')).toBeUndefined();
    expect(cellOf(heatmap, 'financing', 'RO')?.mean).toBe(5);
    expect(heatmap.sources.matrices).toBe(2);
  });

  it('counts round 2 once revealed, with round-1 scores where nobody revised', async () => {
    await startRound(docA.id, 'm-a', 2);
    await putScores(docA.id, 'm-a', 2, [
      ['ro', 'r-fin', 'c-rel', 2],
      ['gr2', 'r-fin', 'c-rel', 4],
    ]);
    const before = await getProgrammeHeatmap(ctx, tallies, memberOfA(), {});
    expect(cellOf(before, 'financing', 'RO')?.mean).toBe(5);
    await reveal(docA.id, 'm-a', 2);
    const heatmap = await getProgrammeHeatmap(ctx, tallies, memberOfA(), {});
    expect(cellOf(heatmap, 'financing', 'RO')?.mean).toBe(2);
    // gr1 kept 4 and 3 from round 1, gr2 revised 2 → 4: nothing counted twice.
    expect(cellOf(heatmap, 'financing', 'GR')).toMatchObject({ mean: 11 / 3, scores: 3 });
  });
});

describe('RoundTallies.warm', () => {
  it('tallies every revealed round at start, archived documents too, so the first view reads no score', async () => {
    // A third document, archived, whose round is revealed; and a round still scoring.
    const archived = buildDocument({
      kind: 'policy_assessment',
      workingGroupId: groupA,
      createdBy: scorers.gr1,
      status: 'archived',
    });
    await store.documents.create(archived, Y.encodeStateAsUpdate(new Y.Doc()));
    await revealedMatrix(archived.id, 'm-old', [['ro', 'r-inn', 'c-rel', 2]]);
    await startRound(docA.id, 'm-scoring', 1);
    await putScores(docA.id, 'm-scoring', 1, [['gr1', 'r-fin', 'c-rel', 5]]);

    // One document per step: three steps, three revealed rounds.
    expect(await tallies.warm(ctx, 1)).toBe(3);

    // The views after it read rounds, never scores again, and count the same as before.
    const listRevealed = store.assessments.listRevealed.bind(store.assessments);
    let scoreReads = 0;
    store.assessments.listRevealed = (ids) => {
      scoreReads += 1;
      return listRevealed(ids);
    };
    const heatmap = await getProgrammeHeatmap(ctx, tallies, admin, { status: 'archived' });
    expect(heatmap.sources).toEqual({ documents: 1, matrices: 1, scores: 1 });
    expect((await getProgrammeHeatmap(ctx, tallies, admin, {})).sources).toEqual({
      documents: 2,
      matrices: 2,
      scores: 7,
    });
    expect(scoreReads).toBe(0);
  });
});

describe('getProgrammeCell', () => {
  it('lists the documents and cells behind a number, and each criterion', async () => {
    const detail = await getProgrammeCell(ctx, tallies, live, admin, {
      priority: 'financing',
      country: 'GR',
    });
    expect(detail.cell).toEqual({
      priority: 'financing',
      country: 'GR',
      mean: 10 / 4,
      scores: 4,
      assessments: 2,
    });
    expect(detail.criteria).toEqual([
      { dac: 'relevance', label: '', mean: 7 / 3, scores: 3 },
      { dac: 'impact', label: '', mean: 3, scores: 1 },
    ]);
    expect(detail.documents.map((d) => d.title)).toEqual(['Assessment A', 'Assessment B']);
    expect(detail.documents[0]!.matrices).toEqual([
      {
        matrixId: 'm-a',
        // The document no longer holds (here: never held) the matrix.
        title: null,
        round: 1,
        cells: [
          {
            rowId: 'r-fin',
            rowLabel: '',
            criterionId: 'c-rel',
            criterionLabel: '',
            dac: 'relevance',
            mean: 3,
            scores: 2,
          },
          {
            rowId: 'r-fin',
            rowLabel: '',
            criterionId: 'c-imp',
            criterionLabel: '',
            dac: 'impact',
            mean: 3,
            scores: 1,
          },
        ],
      },
    ]);
  });

  it('lists rows without a priority, and only what the reader may read', async () => {
    const none = await getProgrammeCell(ctx, tallies, live, admin, {
      priority: 'none',
      country: 'GR',
    });
    expect(none.cell).toMatchObject({ mean: 1, scores: 1 });
    expect(none.documents[0]!.matrices[0]!.cells[0]!.rowLabel).toBe('Other');
    const asMember = await getProgrammeCell(ctx, tallies, live, memberOfA(), {
      priority: 'financing',
      country: 'GR',
    });
    expect(asMember.documents.map((d) => d.documentId)).toEqual([docA.id]);
    const empty = await getProgrammeCell(ctx, tallies, live, memberOfA(), {
      priority: 'skills',
      country: 'GR',
    });
    expect(empty).toEqual({
      priority: 'skills',
      country: 'GR',
      cell: null,
      criteria: [],
      documents: [],
    });
  });
});
