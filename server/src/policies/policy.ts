import {
  AppError,
  type CommentThread,
  type Membership,
  type MembershipRole,
  type PoliDocument,
  type Review,
  type User,
} from '@polisee/domain';

/**
 * Who may do what. The one place that decides it: REST routes, socket.io handlers and the
 * collaboration endpoint all ask here, so a rule can never differ between two edges.
 */
export interface Actor {
  user: Pick<User, 'id' | 'isAdmin'>;
  memberships: Membership[];
}

export type DocumentAction =
  | 'document.read'
  | 'document.edit'
  | 'document.comment'
  | 'document.rename'
  | 'document.retag'
  | 'document.archive'
  | 'document.saveVersion'
  | 'document.restoreVersion'
  | 'document.requestReview'
  | 'document.publish';

export type WorkingGroupAction = 'workingGroup.read' | 'workingGroup.createDocument';

export type WorkspaceAction = 'workspace.administer';

/** Roles that draft: they create and edit documents. Everyone else reads and comments. */
const EDITING_ROLES: ReadonlySet<MembershipRole> = new Set(['wg_lead', 'wg_member']);

export function roleIn(actor: Actor, workingGroupId: string): MembershipRole | null {
  return actor.memberships.find((m) => m.workingGroupId === workingGroupId)?.role ?? null;
}

export function canInWorkingGroup(
  actor: Actor,
  action: WorkingGroupAction,
  workingGroupId: string,
): boolean {
  if (actor.user.isAdmin) return true;
  const role = roleIn(actor, workingGroupId);
  if (!role) return false;
  switch (action) {
    case 'workingGroup.read':
      return true;
    case 'workingGroup.createDocument':
      return EDITING_ROLES.has(role);
  }
}

export function canOnDocument(
  actor: Actor,
  action: DocumentAction,
  doc: Pick<PoliDocument, 'workingGroupId' | 'ownerIds' | 'status'>,
): boolean {
  if (actor.user.isAdmin) return true;
  const role = roleIn(actor, doc.workingGroupId);
  if (!role) return false;
  const archived = doc.status === 'archived';
  switch (action) {
    case 'document.read':
      return true;
    case 'document.comment':
      // Commenting is its own permission: observers and committees comment without editing.
      // An archived document is closed for discussion too.
      return !archived;
    case 'document.edit':
    case 'document.rename':
    case 'document.retag':
      return EDITING_ROLES.has(role) && !archived;
    case 'document.archive':
      // Archiving hides a document from everyone's catalogue: the lead or one of its owners.
      return (
        role === 'wg_lead' || (EDITING_ROLES.has(role) && doc.ownerIds.includes(actor.user.id))
      );
    case 'document.saveVersion':
    case 'document.restoreVersion':
      // A named version marks a drafting step; a restore is an edit like any other.
      return EDITING_ROLES.has(role) && !archived;
    case 'document.requestReview':
    case 'document.publish':
      // A review round assigns work to people beyond the drafters and moves the document's
      // status for the whole group; publishing speaks for the group: the lead's (decision 0023).
      return role === 'wg_lead' && !archived;
  }
}

/**
 * A verdict is given by a reviewer assigned to the round who may (still) read the document;
 * no one else, not even an admin, speaks for a reviewer.
 */
export function canGiveVerdict(
  actor: Actor,
  doc: Pick<PoliDocument, 'workingGroupId' | 'ownerIds' | 'status'>,
  review: Pick<Review, 'reviewers'>,
): boolean {
  if (!canOnDocument(actor, 'document.read', doc) || doc.status === 'archived') return false;
  return review.reviewers.some((r) => r.userId === actor.user.id);
}

export type ThreadAction = 'thread.resolve' | 'thread.changePriority';

/**
 * Resolving, reopening and re-prioritising a thread: its author, the group's lead, or anyone
 * who may edit the document. Everyone else who may comment can reply.
 */
export function canOnThread(
  actor: Actor,
  _action: ThreadAction,
  doc: Pick<PoliDocument, 'workingGroupId' | 'ownerIds' | 'status'>,
  thread: Pick<CommentThread, 'authorId'>,
): boolean {
  if (!canOnDocument(actor, 'document.comment', doc)) return false;
  if (actor.user.isAdmin || thread.authorId === actor.user.id) return true;
  return (
    roleIn(actor, doc.workingGroupId) === 'wg_lead' || canOnDocument(actor, 'document.edit', doc)
  );
}

export type MessageAction = 'message.edit' | 'message.delete';

/** One's own messages may be edited and deleted; an admin may delete any (moderation), never edit. */
export function canOnMessage(
  actor: Actor,
  action: MessageAction,
  doc: Pick<PoliDocument, 'workingGroupId' | 'ownerIds' | 'status'>,
  message: { authorId: string },
): boolean {
  if (!canOnDocument(actor, 'document.comment', doc)) return false;
  if (message.authorId === actor.user.id) return true;
  return action === 'message.delete' && actor.user.isAdmin;
}

export function canInWorkspace(actor: Actor, _action: WorkspaceAction): boolean {
  return actor.user.isAdmin;
}

/** Working groups whose documents the actor may read; `undefined` means every group (admins). */
export function readableWorkingGroupIds(actor: Actor): string[] | undefined {
  if (actor.user.isAdmin) return undefined;
  return actor.memberships.map((m) => m.workingGroupId);
}

export function forbidden(message = 'You do not have permission to do this.'): AppError {
  return new AppError('forbidden', message);
}

export function assertDocument(
  actor: Actor,
  action: DocumentAction,
  doc: Parameters<typeof canOnDocument>[2],
) {
  if (!canOnDocument(actor, action, doc)) throw forbidden();
}

export function assertVerdict(
  actor: Actor,
  ...rest: [Parameters<typeof canGiveVerdict>[1], Parameters<typeof canGiveVerdict>[2]]
) {
  if (!canGiveVerdict(actor, ...rest))
    throw forbidden('Only the reviewers of this round give a verdict.');
}

export function assertThread(
  actor: Actor,
  action: ThreadAction,
  ...rest: [Parameters<typeof canOnThread>[2], Parameters<typeof canOnThread>[3]]
) {
  if (!canOnThread(actor, action, ...rest)) throw forbidden();
}

export function assertMessage(
  actor: Actor,
  action: MessageAction,
  ...rest: [Parameters<typeof canOnMessage>[2], Parameters<typeof canOnMessage>[3]]
) {
  if (!canOnMessage(actor, action, ...rest)) throw forbidden();
}

export function assertWorkingGroup(
  actor: Actor,
  action: WorkingGroupAction,
  workingGroupId: string,
) {
  if (!canInWorkingGroup(actor, action, workingGroupId)) throw forbidden();
}

export function assertWorkspace(actor: Actor, action: WorkspaceAction) {
  if (!canInWorkspace(actor, action)) throw forbidden();
}
