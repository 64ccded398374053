import { ASSESSMENT_ERRORS } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import type { AssessmentMatrixData } from '@polisee/editor-schema';
import { assertAssessment, type AssessmentAction, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { assessmentError } from './assessmentErrors.js';
import { readMatrix } from './readMatrix.js';

/**
 * The document and its matrix, for an action on the matrix's scoring: not found when the actor
 * may not read the document (its existence is not disclosed) or it holds no such matrix, and
 * forbidden when the policy refuses the action.
 */
export async function loadMatrixFor(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  action: AssessmentAction,
  documentId: string,
  matrixId: string,
): Promise<{ doc: PoliDocument; matrix: AssessmentMatrixData }> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  const matrix = await readMatrix(live, documentId, matrixId);
  if (!matrix) {
    throw assessmentError(ASSESSMENT_ERRORS.unknownMatrix, 'The document has no such matrix.');
  }
  assertAssessment(actor, action, doc, matrix);
  return { doc, matrix };
}
