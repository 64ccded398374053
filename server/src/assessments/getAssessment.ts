import type { AssessmentView } from '@polisee/contracts';
import type { AuthenticatedActor } from '../services/loadActor.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import { loadAssessmentView } from './assessmentViews.js';

/**
 * A reader's view of a matrix's scoring: their own scores, the count of scorers, and the
 * results of revealed rounds. The document is not opened (a matrix id no document holds simply
 * reads as round 1 with nothing scored), so the view stays cheap to refetch on every event.
 */
export async function getAssessment(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  documentId: string,
  matrixId: string,
): Promise<AssessmentView> {
  await getReadableDocument(ctx, actor, documentId);
  return loadAssessmentView(ctx, actor.user.id, documentId, matrixId);
}
