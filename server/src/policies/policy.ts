import { AppError, type CommentThread, type Review } from '@polisee/domain';
import * as rules from '@polisee/policy';
import type { Actor, DocumentRef } from '@polisee/policy';

/**
 * Who may do what, enforced. REST routes, socket.io handlers and the collaboration endpoint all
 * ask here, so a rule can never differ between two edges. The rules themselves live in
 * `@polisee/policy`, which the client reads too, so the controls it shows are the actions the
 * server allows; this module adds the refusals (one `forbidden` error with a safe message).
 */
export * from '@polisee/policy';

export function forbidden(message = 'You do not have permission to do this.'): AppError {
  return new AppError('forbidden', message);
}

export function assertDocument(actor: Actor, action: rules.DocumentAction, doc: DocumentRef) {
  if (!rules.canOnDocument(actor, action, doc)) throw forbidden();
}

export function assertVerdict(actor: Actor, doc: DocumentRef, review: Pick<Review, 'reviewers'>) {
  if (!rules.canGiveVerdict(actor, doc, review))
    throw forbidden('Only the reviewers of this round give a verdict.');
}

export function assertThread(
  actor: Actor,
  action: rules.ThreadAction,
  doc: DocumentRef,
  thread: Pick<CommentThread, 'authorId'>,
) {
  if (!rules.canOnThread(actor, action, doc, thread)) throw forbidden();
}

export function assertMessage(
  actor: Actor,
  action: rules.MessageAction,
  doc: DocumentRef,
  message: { authorId: string },
) {
  if (!rules.canOnMessage(actor, action, doc, message)) throw forbidden();
}

export function assertWorkingGroup(
  actor: Actor,
  action: rules.WorkingGroupAction,
  workingGroupId: string,
) {
  if (!rules.canInWorkingGroup(actor, action, workingGroupId)) throw forbidden();
}

export function assertWorkspace(actor: Actor, action: rules.WorkspaceAction) {
  if (!rules.canInWorkspace(actor, action)) throw forbidden();
}

export function assertWorkshop(
  actor: Actor,
  action: rules.WorkshopAction,
  workshop: rules.WorkshopRef,
) {
  if (!rules.canOnWorkshop(actor, action, workshop)) {
    throw forbidden(
      action === 'workshop.facilitate' || action === 'workshop.seeAttendance'
        ? 'Only the facilitators of this workshop may do this.'
        : undefined,
    );
  }
}

export function assertCreateWorkshop(actor: Actor, workingGroupId: string) {
  if (!rules.canCreateWorkshop(actor, workingGroupId)) throw forbidden();
}

export function assertAssessment(
  actor: Actor,
  action: rules.AssessmentAction,
  doc: DocumentRef,
  matrix: rules.AssessmentMatrixRef,
) {
  if (!rules.canOnAssessment(actor, action, doc, matrix)) {
    throw forbidden(
      action === 'assessment.score'
        ? 'You may not score this matrix.'
        : action === 'assessment.read'
          ? undefined
          : 'Only the lead, the owners of the document and admins may do this.',
    );
  }
}
