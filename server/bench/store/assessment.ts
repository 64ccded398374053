/**
 * Revealing an assessment matrix on the embedded store, measured server-side: a 12 × 6 matrix
 * scored by 25 scorers (1,800 scores) in a template-sized document, revealed through the same
 * service the REST route calls (the document read headless, the round closed with its
 * structure, every result computed, the JSON encoding Express does). No HTTP hop: the issue's
 * target (≤ 100 ms) is server-side time. Each run reveals a matrix of its own: a round is
 * revealed once.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import {
  buildSchema,
  FRAGMENT_NAME,
  newAssessmentMatrix,
  type JSONContent,
} from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { pino } from 'pino';
import { initProseMirrorDoc, updateYFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import * as Y from 'yjs';
import { MatrixLocks } from '../../src/assessments/matrixLocks.js';
import { revealRound } from '../../src/assessments/revealRound.js';
import { decodeStoredState } from '../../src/content/yjsContent.js';
import { createDocument } from '../../src/services/createDocument.js';
import { createServiceContext, type ServiceContext } from '../../src/services/context.js';
import type { LiveDocuments } from '../../src/services/liveDocuments.js';
import { loadActor } from '../../src/services/loadActor.js';
import { seedDemoWorkspace } from '../../src/seed/seedDemoWorkspace.js';
import { SqliteStore } from '../../src/store/sqlite/SqliteStore.js';
import { runWhenMain, timed, type StoreBenchRow } from './measure.js';

const ROWS = 12;
const CRITERIA = 6;
const SCORERS = 25;
const RUNS = { full: 20, quick: 5 };
const TARGET_MS = 100;

/**
 * A document nobody has open, as the server reads one (`liveDocumentsOver` without a room):
 * its stored state decoded for each read.
 */
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

/** Appends a matrix to the stored document as an editor's edit would reach the log. */
async function appendMatrix(ctx: ServiceContext, documentId: string): Promise<JSONContent> {
  const schema = buildSchema();
  const matrix = newAssessmentMatrix({
    title: 'Regional assessment',
    rows: Array.from({ length: ROWS }, (_, i) => ({ label: `Measure ${i + 1}` })),
    criteria: Array.from({ length: CRITERIA }, (_, i) => ({ label: `Criterion ${i + 1}` })),
  });
  const doc = decodeStoredState((await ctx.store.documentState.load(documentId))!);
  const before = Y.encodeStateVector(doc);
  const fragment = doc.getXmlFragment(FRAGMENT_NAME);
  const current = yXmlFragmentToProsemirrorJSON(fragment) as JSONContent;
  const { meta } = initProseMirrorDoc(fragment, schema);
  const edited = { ...current, content: [...(current.content ?? []), matrix] };
  doc.transact(() => updateYFragment(doc, fragment, PMNode.fromJSON(schema, edited), meta));
  await ctx.store.documentState.append(documentId, [Y.encodeStateAsUpdate(doc, before)]);
  doc.destroy();
  return matrix;
}

export async function runAssessmentBench(options: {
  quick: boolean;
  log: (line: string) => void;
}): Promise<StoreBenchRow[]> {
  const runs = options.quick ? RUNS.quick : RUNS.full;
  const dir = mkdtempSync(path.join(os.tmpdir(), 'polisee-bench-assessment-'));
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
    for (const [i, s] of scorers.entries()) {
      await store.users.create({
        id: s.userId,
        email: `scorer-${i}@bench.test`,
        name: `Scorer ${i}`,
        organisationId: s.organisationId,
        isAdmin: false,
        language: 'en',
        passwordHash: null,
        createdAt: new Date().toISOString(),
      });
      await store.memberships.set({ userId: s.userId, workingGroupId: group, role: 'wg_member' });
    }

    options.log(
      `assessment: seeding ${runs + 1} matrices of ${ROWS} × ${CRITERIA}, ${SCORERS} scorers each`,
    );
    const matrices: { documentId: string; matrixId: string }[] = [];
    for (let run = 0; run <= runs; run++) {
      const doc = await createDocument(ctx, lead, {
        title: `Policy assessment ${run}`,
        kind: 'joint_strategic_plan',
        workingGroupId: group,
        thematicPriorities: ['financing'],
        language: 'en',
        countries: [],
      });
      const matrix = await appendMatrix(ctx, doc.id);
      const matrixId = matrix.attrs!.matrixId as string;
      const rows = matrix.content!.filter((c) => c.type === 'matrixRow');
      const criteria = matrix.content!.filter((c) => c.type === 'matrixCriterion');
      const updatedAt = new Date().toISOString();
      for (const [i, s] of scorers.entries()) {
        for (const [r, row] of rows.entries()) {
          for (const [c, criterion] of criteria.entries()) {
            await store.assessments.putScore({
              documentId: doc.id,
              matrixId,
              round: 1,
              ...s,
              rowId: row.attrs!.rowId as string,
              criterionId: criterion.attrs!.criterionId as string,
              score: ((i + r + c) % 5) + 1,
              rationale: i % 3 === 0 ? `Reason of scorer ${i} for ${r}×${c}` : null,
              updatedAt,
            });
          }
        }
      }
      matrices.push({ documentId: doc.id, matrixId });
    }

    const live = storedDocuments(ctx);
    const locks = new MatrixLocks();
    let next = 0;
    const reveal = await timed(runs, () => {
      const { documentId, matrixId } = matrices[next++]!;
      return revealRound(ctx, live, locks, lead, documentId, matrixId);
    });
    return [
      {
        case: 'reveal a scored matrix',
        size: `${ROWS} × ${CRITERIA}, ${SCORERS} scorers`,
        runs,
        p50: reveal.p50,
        p99: reveal.p99,
        target: TARGET_MS,
      },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

runWhenMain(import.meta.url, runAssessmentBench);
