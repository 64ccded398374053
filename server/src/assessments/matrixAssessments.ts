import type { MatrixAssessment } from '@polisee/contracts';
import type { ServiceContext } from '../services/context.js';
import { loadAssessmentView } from './assessmentViews.js';

/**
 * Where each matrix's scoring stands, with its revealed rounds' results, for a reader of the
 * document (the caller checked that). Built by `loadAssessmentView`, the one place that reads
 * other scorers' scores, and only of revealed rounds; the reader's own scores are left out.
 */
export async function matrixAssessments(
  ctx: ServiceContext,
  userId: string,
  documentId: string,
  matrixIds: readonly string[],
): Promise<MatrixAssessment[]> {
  return Promise.all(
    matrixIds.map(async (matrixId) => {
      const view = await loadAssessmentView(ctx, userId, documentId, matrixId);
      return { matrixId, round: view.round, phase: view.phase, results: view.results };
    }),
  );
}
