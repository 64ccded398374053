import {
  DacCriterionSchema,
  NO_PRIORITY,
  type ProgrammeCellDetail,
  type ProgrammeCellQuery,
  type ProgrammeSourceDocument,
} from '@polisee/contracts';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { forEachCounted } from './countedScores.js';
import { loadRevealed } from './loadRevealed.js';
import type { RoundTallies, RoundTally, TallyCell } from './roundTallies.js';
import { readMatrixTitles } from './readMatrixTitles.js';

/**
 * What is behind one number of the programme heatmap (or of the rows without a priority): the
 * documents and matrix cells its scores come from, each with that country's mean, and each
 * criterion's mean. Counted exactly as the heatmap counts (`forEachCountedScore`).
 */
export async function getProgrammeCell(
  ctx: ServiceContext,
  roundTallies: RoundTallies,
  live: LiveDocuments,
  actor: Actor,
  query: ProgrammeCellQuery,
): Promise<ProgrammeCellDetail> {
  const { documents, tallies, countryOf } = await loadRevealed(ctx, roundTallies, actor, query);
  const matrices = new Map<string, MatrixTally>();
  const criteria = new Map<string, CriterionTally>();
  let sum = 0;
  let count = 0;
  forEachCounted(tallies, { countryOf, criterion: query.criterion }, (round, cell, country) => {
    if (country !== query.country) return;
    if ((cell.row.priority ?? NO_PRIORITY) !== query.priority) return;
    sum += cell.sum;
    count += cell.count;
    tallyCell(matrices, round, cell);
    const dac = asDac(cell.criterion.dac);
    const criterionKey = dac ?? `label:${cell.criterion.label}`;
    const c = criteria.get(criterionKey) ?? { dac, label: cell.criterion.label, sum: 0, n: 0 };
    c.sum += cell.sum;
    c.n += cell.count;
    criteria.set(criterionKey, c);
  });

  const byDocument = new Map<string, MatrixTally[]>();
  for (const m of matrices.values()) {
    const list = byDocument.get(m.documentId) ?? [];
    list.push(m);
    byDocument.set(m.documentId, list);
  }
  const sources = await Promise.all(
    [...byDocument].map(async ([documentId, tallies]): Promise<ProgrammeSourceDocument> => {
      const doc = documents.get(documentId)!;
      const titles = await readMatrixTitles(live, documentId);
      return {
        documentId,
        title: doc.title,
        kind: doc.kind,
        status: doc.status,
        workingGroupId: doc.workingGroupId,
        matrices: tallies
          .map((m) => ({
            matrixId: m.matrixId,
            title: titles.get(m.matrixId) ?? null,
            round: m.round,
            cells: [...m.cells.values()]
              .sort((a, b) => a.order - b.order)
              .map(({ order: _order, sum: cellSum, ...cell }) => ({
                ...cell,
                mean: cellSum / cell.scores,
              })),
          }))
          .sort((a, b) => (a.title ?? '').localeCompare(b.title ?? '')),
      };
    }),
  );
  return {
    priority: query.priority,
    country: query.country,
    cell:
      count === 0
        ? null
        : {
            priority: query.priority,
            country: query.country,
            mean: sum / count,
            scores: count,
            assessments: byDocument.size,
          },
    criteria: [...criteria.values()]
      .sort((a, b) => dacOrder(a.dac) - dacOrder(b.dac) || a.label.localeCompare(b.label))
      .map((c) => ({ dac: c.dac, label: c.label, mean: c.sum / c.n, scores: c.n })),
    documents: sources.sort(
      (a, b) => a.title.localeCompare(b.title) || a.documentId.localeCompare(b.documentId),
    ),
  };
}

interface CellTally {
  /** Row, then criterion, as the matrix lays them out. */
  order: number;
  rowId: string;
  rowLabel: string;
  criterionId: string;
  criterionLabel: string;
  dac: DacCriterion | null;
  sum: number;
  scores: number;
}

interface MatrixTally {
  documentId: string;
  matrixId: string;
  round: 1 | 2;
  cells: Map<string, CellTally>;
}

interface CriterionTally {
  dac: DacCriterion | null;
  label: string;
  sum: number;
  n: number;
}

type DacCriterion = NonNullable<ProgrammeCellQuery['criterion']>;

function tallyCell(
  matrices: Map<string, MatrixTally>,
  round: RoundTally['round'],
  counted: TallyCell,
): void {
  const { row, criterion } = counted;
  const matrixKey = `${round.documentId}\u0000${round.matrixId}`;
  let matrix = matrices.get(matrixKey);
  if (!matrix) {
    matrix = {
      documentId: round.documentId,
      matrixId: round.matrixId,
      round: round.round,
      cells: new Map(),
    };
    matrices.set(matrixKey, matrix);
  }
  const cellKey = `${row.rowId}\u0000${criterion.criterionId}`;
  let cell = matrix.cells.get(cellKey);
  if (!cell) {
    const { rows, criteria } = round.structure;
    cell = {
      order: rows.indexOf(row) * criteria.length + criteria.indexOf(criterion),
      rowId: row.rowId,
      rowLabel: row.label,
      criterionId: criterion.criterionId,
      criterionLabel: criterion.label,
      dac: asDac(criterion.dac),
      sum: 0,
      scores: 0,
    };
    matrix.cells.set(cellKey, cell);
  }
  cell.sum += counted.sum;
  cell.scores += counted.count;
}

/** The stored `dac` is free text in the snapshot's schema; only the six known ids name one. */
function asDac(dac: string | null): DacCriterion | null {
  const parsed = DacCriterionSchema.safeParse(dac);
  return parsed.success ? parsed.data : null;
}

function dacOrder(dac: DacCriterion | null): number {
  return dac === null ? DacCriterionSchema.options.length : DacCriterionSchema.options.indexOf(dac);
}
