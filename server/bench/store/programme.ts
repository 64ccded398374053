/**
 * The programme view over 500 revealed assessments on the embedded store, measured server-side:
 * each a 6 × 6 matrix (the six thematic priorities × the six DAC criteria) scored by 10 scorers
 * of the demo workspace's organisations (180,000 scores). Times the service the REST route
 * calls (readable documents, one `listRevealed` call, the aggregation, the JSON encoding
 * Express does) as the lead of the group that holds them, and one cell's drill-down, which
 * also reads every listed document for its matrix titles. The target (≤ 200 ms) is the
 * heatmap's.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay, performance } from 'node:perf_hooks';
import {
  buildSchema,
  FRAGMENT_NAME,
  newAssessmentMatrix,
  type JSONContent,
} from '@polisee/editor-schema';
import type { MatrixStructure } from '@polisee/domain';
import { pino } from 'pino';
import { prosemirrorJSONToYDoc } from 'y-prosemirror';
import * as Y from 'yjs';
import { decodeStoredState } from '../../src/content/yjsContent.js';
import { getProgrammeCell } from '../../src/programme/getProgrammeCell.js';
import { getProgrammeHeatmap } from '../../src/programme/getProgrammeHeatmap.js';
import { RoundTallies } from '../../src/programme/roundTallies.js';
import { createServiceContext, type ServiceContext } from '../../src/services/context.js';
import type { LiveDocuments } from '../../src/services/liveDocuments.js';
import { loadActor } from '../../src/services/loadActor.js';
import { seedDemoWorkspace } from '../../src/seed/seedDemoWorkspace.js';
import { SqliteStore } from '../../src/store/sqlite/SqliteStore.js';
import { runWhenMain, timed, type StoreBenchRow } from './measure.js';

const ASSESSMENTS = { full: 500, quick: 500 };
const SCORERS = 10;
const RUNS = { full: 30, quick: 10 };
const TARGET_MS = 200;

/** Documents nobody has open, as the server reads them (`liveDocumentsOver` without a room). */
function storedDocuments(ctx: ServiceContext): LiveDocuments {
  return {
    change: () => Promise.reject(new Error('not used')),
    async read(documentId, read) {
      const doc = decodeStoredState((await ctx.store.documentState.load(documentId))!);
      try {
        return read(doc);
      } finally {
        doc.destroy();
      }
    },
    readOpen: () => undefined,
    takeContributors: () => [],
  };
}

/** A document holding one titled matrix, as stored state, and the matrix's structure. */
function assessmentDocument(): { state: Uint8Array; matrix: JSONContent } {
  const matrix = newAssessmentMatrix({ title: 'Regional assessment' });
  const json = {
    type: 'doc',
    content: [{ type: 'paragraph', content: [{ type: 'text', text: 'Assessment.' }] }, matrix],
  };
  const doc = prosemirrorJSONToYDoc(buildSchema(), json, FRAGMENT_NAME);
  const state = Y.encodeStateAsUpdate(doc);
  doc.destroy();
  return { state, matrix };
}

function structureOf(matrix: JSONContent): MatrixStructure {
  const children = matrix.content ?? [];
  return {
    rows: children
      .filter((c) => c.type === 'matrixRow')
      .map((c) => ({
        rowId: c.attrs!.rowId as string,
        label: c.attrs!.label as string,
        priority: c.attrs!.priority as MatrixStructure['rows'][number]['priority'],
      })),
    criteria: children
      .filter((c) => c.type === 'matrixCriterion')
      .map((c) => ({
        criterionId: c.attrs!.criterionId as string,
        label: c.attrs!.label as string,
        dac: c.attrs!.dac as string | null,
      })),
  };
}

export async function runProgrammeBench(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<StoreBenchRow[]> {
  const runs = options.quick ? RUNS.quick : RUNS.full;
  const assessments = options.quick ? ASSESSMENTS.quick : ASSESSMENTS.full;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polisee-bench-programme-'));
  const store = new SqliteStore(path.join(dir, 'polisee.db'));
  const ctx = createServiceContext(store, pino({ level: 'silent' }));
  try {
    await seedDemoWorkspace(ctx, { password: 'bench-password-0000' });
    const lead = (await loadActor(ctx, (await store.users.getByEmail('lead@polisee.test'))!.id))!;
    const group = lead.memberships.find((m) => m.role === 'wg_lead')!.workingGroupId;
    const organisations = await store.organisations.list();
    const scorers = Array.from({ length: SCORERS }, (_, i) => ({
      userId: ctx.newId(),
      organisationId: organisations[i % organisations.length]!.id,
    }));

    options.log(
      `programme: seeding ${assessments} revealed 6 × 6 assessments, ${SCORERS} scorers each`,
    );
    const { state, matrix } = assessmentDocument();
    const structure = structureOf(matrix);
    const matrixId = matrix.attrs!.matrixId as string;
    const now = new Date().toISOString();
    for (let a = 0; a < assessments; a++) {
      const documentId = ctx.newId();
      await store.documents.create(
        {
          id: documentId,
          title: `Policy assessment ${a}`,
          kind: 'policy_assessment',
          workingGroupId: group,
          thematicPriorities: ['financing'],
          countries: [],
          tags: [],
          language: 'en',
          status: 'draft',
          ownerIds: [lead.user.id],
          suggestOnlyIds: [],
          createdBy: lead.user.id,
          createdAt: now,
          updatedAt: now,
        },
        state,
      );
      await store.assessments.createRound({
        documentId,
        matrixId,
        round: 1,
        phase: 'scoring',
        startedAt: now,
        revealedAt: null,
        revealedBy: null,
        structure: null,
      });
      for (const [i, s] of scorers.entries()) {
        for (const [r, row] of structure.rows.entries()) {
          for (const [c, criterion] of structure.criteria.entries()) {
            await store.assessments.putScore({
              documentId,
              matrixId,
              round: 1,
              ...s,
              rowId: row.rowId,
              criterionId: criterion.criterionId,
              score: ((a + i + r + c) % 5) + 1,
              rationale: null,
              updatedAt: now,
            });
          }
        }
      }
      await store.assessments.revealRound(
        { documentId, matrixId, round: 1 },
        { revealedAt: now, revealedBy: lead.user.id, structure },
      );
    }

    // A first request that finds nothing tallied reads every score once (RoundTallies).
    const untallied = new RoundTallies();
    const started = performance.now();
    await getProgrammeHeatmap(ctx, untallied, lead, {});
    const cold = performance.now() - started;

    // As the app starts: every revealed round tallied in steps (RoundTallies.warm); the longest
    // event-loop stall is how long anyone else's request may wait behind a step.
    const tallies = new RoundTallies();
    const stalls = monitorEventLoopDelay({ resolution: 5 });
    stalls.enable();
    const warmStarted = performance.now();
    await tallies.warm(ctx);
    const warming = performance.now() - warmStarted;
    stalls.disable();
    const longestStall = stalls.max / 1e6;
    const firstStarted = performance.now();
    await getProgrammeHeatmap(ctx, tallies, lead, {});
    const firstAfterWarming = performance.now() - firstStarted;
    const heatmap = await timed(runs, () => getProgrammeHeatmap(ctx, tallies, lead, {}));
    const country = organisations[0]!.country;
    const live = storedDocuments(ctx);
    const cellRuns = Math.max(3, Math.floor(runs / 5));
    const cell = await timed(cellRuns, () =>
      getProgrammeCell(ctx, tallies, live, lead, { priority: 'financing', country }),
    );
    const size = `${assessments} × (6 × 6), ${SCORERS} scorers`;
    return [
      {
        case: 'programme heatmap, first request with nothing tallied',
        size,
        runs: 1,
        p50: cold,
        p99: cold,
        target: null,
      },
      {
        case: 'tallying at start, in steps (not a request)',
        size: `${size}; longest event-loop stall ${longestStall.toFixed(0)} ms`,
        runs: 1,
        p50: warming,
        p99: warming,
        target: null,
      },
      {
        case: 'programme heatmap, first request after start',
        size,
        runs: 1,
        p50: firstAfterWarming,
        p99: firstAfterWarming,
        target: TARGET_MS,
      },
      {
        case: 'programme heatmap',
        size,
        runs,
        p50: heatmap.p50,
        p99: heatmap.p99,
        target: TARGET_MS,
      },
      {
        case: 'programme cell drill-down',
        size: `${size}, every document read`,
        runs: cellRuns,
        p50: cell.p50,
        p99: cell.p99,
        target: null,
      },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, runProgrammeBench);
