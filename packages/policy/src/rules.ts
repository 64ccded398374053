import type {
  CommentThread,
  Membership,
  MembershipRole,
  PoliDocument,
  Review,
  User,
  Workshop,
} from '@polisee/domain';

/**
 * Who may do what: the pure rules, shared by the server (which enforces them in
 * server/src/policies) and the client (which shows only the controls they allow), so a button
 * shown is an action allowed. They read only the actor's roles and the resource; loading either
 * is the caller's business.
 */
export interface Actor {
  user: Pick<User, 'id' | 'isAdmin'>;
  memberships: Membership[];
  /**
   * Documents of other groups the actor may read and comment on as a workshop guest (the
   * workshops' linked documents and notes): a guest sees those, nothing else of the group.
   */
  guestDocumentIds?: readonly string[];
}

export type DocumentAction =
  | 'document.read'
  | 'document.edit'
  | 'document.suggest'
  | 'document.comment'
  | 'document.rename'
  | 'document.retag'
  | 'document.archive'
  | 'document.saveVersion'
  | 'document.restoreVersion'
  | 'document.requestReview'
  | 'document.publish'
  | 'document.grantSuggestOnly';

export type WorkingGroupAction = 'workingGroup.read' | 'workingGroup.createDocument';

export type WorkspaceAction = 'workspace.administer';

export type ThreadAction = 'thread.resolve' | 'thread.changePriority';

export type MessageAction = 'message.edit' | 'message.delete';

/**
 * The fields of a document the rules read (`id` for workshop guests' access, `suggestOnlyIds`
 * for the members the lead holds to suggestions on it).
 */
export type DocumentRef = Pick<PoliDocument, 'workingGroupId' | 'ownerIds' | 'status'> & {
  id?: string;
  suggestOnlyIds?: readonly string[];
};

/** Roles that draft: they create and edit documents. Everyone else reads and comments. */
const EDITING_ROLES: ReadonlySet<MembershipRole> = new Set(['wg_lead', 'wg_member']);

/**
 * The statuses in which people who do not draft may still propose changes as suggestions
 * (decision 0063): while the text is drafted and reviewed. An approved or published text
 * changes through its drafters.
 */
const OPEN_FOR_SUGGESTIONS: ReadonlySet<PoliDocument['status']> = new Set([
  'draft',
  'in_review',
  'changes_requested',
]);

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

export function canOnDocument(actor: Actor, action: DocumentAction, doc: DocumentRef): boolean {
  if (actor.user.isAdmin) return true;
  const role = roleIn(actor, doc.workingGroupId);
  if (!role) return guestMay(actor, action, doc);
  const archived = doc.status === 'archived';
  // Held to suggestions on this one document by its lead (decision 0081); a lead never is.
  const held = role !== 'wg_lead' && (doc.suggestOnlyIds?.includes(actor.user.id) ?? false);
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
      return EDITING_ROLES.has(role) && !archived && !held;
    case 'document.suggest':
      // Editors may suggest too; the committee that reviews quality (STC) may only suggest, and
      // so may whoever the lead holds to suggestions, while the text is drafted or reviewed.
      if (held) return OPEN_FOR_SUGGESTIONS.has(doc.status);
      if (EDITING_ROLES.has(role)) return !archived;
      return role === 'stc_member' && OPEN_FOR_SUGGESTIONS.has(doc.status);
    case 'document.archive':
      // Archiving hides a document from everyone's catalogue: the lead or one of its owners.
      return (
        role === 'wg_lead' || (EDITING_ROLES.has(role) && doc.ownerIds.includes(actor.user.id))
      );
    case 'document.saveVersion':
    case 'document.restoreVersion':
      // A named version marks a drafting step; a restore is an edit like any other.
      return EDITING_ROLES.has(role) && !archived && !held;
    case 'document.grantSuggestOnly':
      // Who drafts a text directly is the lead's call, as publishing is.
      return role === 'wg_lead' && !archived;
    case 'document.requestReview':
    case 'document.publish':
      // A review round assigns work to people beyond the drafters and moves the document's
      // status for the whole group; publishing speaks for the group: the lead's (decision 0023).
      return role === 'wg_lead' && !archived;
  }
}

/**
 * A workshop guest reads a linked document, comments on it and suggests changes while it is
 * drafted or reviewed; drafting stays the group's.
 */
function guestMay(actor: Actor, action: DocumentAction, doc: DocumentRef): boolean {
  if (doc.id === undefined || !actor.guestDocumentIds?.includes(doc.id)) return false;
  if (action === 'document.read') return true;
  if (action === 'document.suggest') return OPEN_FOR_SUGGESTIONS.has(doc.status);
  return action === 'document.comment' && doc.status !== 'archived';
}

/**
 * May suggest but not edit: every document update of such a member must be a suggestion of
 * their own, which the collaboration endpoint checks (decision 0063).
 */
export function isSuggestOnly(actor: Actor, doc: DocumentRef): boolean {
  return (
    canOnDocument(actor, 'document.suggest', doc) && !canOnDocument(actor, 'document.edit', doc)
  );
}

/**
 * A verdict is given by a reviewer assigned to the round who may (still) read the document;
 * no one else, not even an admin, speaks for a reviewer.
 */
export function canGiveVerdict(
  actor: Actor,
  doc: DocumentRef,
  review: Pick<Review, 'reviewers'>,
): boolean {
  if (!canOnDocument(actor, 'document.read', doc) || doc.status === 'archived') return false;
  return review.reviewers.some((r) => r.userId === actor.user.id);
}

/**
 * Resolving, reopening and re-prioritising a thread: its author, the group's lead, or anyone
 * who may edit the document. Everyone else who may comment can reply.
 */
export function canOnThread(
  actor: Actor,
  _action: ThreadAction,
  doc: DocumentRef,
  thread: Pick<CommentThread, 'authorId'>,
): boolean {
  if (!canOnDocument(actor, 'document.comment', doc)) return false;
  if (actor.user.isAdmin || thread.authorId === actor.user.id) return true;
  return (
    roleIn(actor, doc.workingGroupId) === 'wg_lead' || canOnDocument(actor, 'document.edit', doc)
  );
}

/** One's own messages may be edited and deleted; an admin may delete any (moderation), never edit. */
export function canOnMessage(
  actor: Actor,
  action: MessageAction,
  doc: DocumentRef,
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

export type WorkshopAction =
  | 'workshop.read'
  | 'workshop.join'
  | 'workshop.vote'
  | 'workshop.raiseHand'
  | 'workshop.facilitate'
  | 'workshop.seeAttendance';

/** The fields of a workshop the rules read. */
export type WorkshopRef = Pick<
  Workshop,
  'workingGroupId' | 'facilitatorIds' | 'guestIds' | 'observersMayVote' | 'status'
>;

/** Creating a workshop plans the group's time: the roles that draft (decision 0047). */
export function canCreateWorkshop(actor: Actor, workingGroupId: string): boolean {
  return canInWorkingGroup(actor, 'workingGroup.createDocument', workingGroupId);
}

/**
 * Who takes part in a workshop: the group's members and its guests (admins too). Facilitators
 * are those named, and the group's lead. Voting is taking part, not editing: observers vote
 * unless a facilitator turned that off. Attendance, kept for programme reporting, is the
 * facilitators' to see.
 */
export function canOnWorkshop(
  actor: Actor,
  action: WorkshopAction,
  workshop: WorkshopRef,
): boolean {
  const role = roleIn(actor, workshop.workingGroupId);
  const isGuest = workshop.guestIds.includes(actor.user.id);
  const facilitates =
    actor.user.isAdmin || role === 'wg_lead' || workshop.facilitatorIds.includes(actor.user.id);
  const takesPart = actor.user.isAdmin || role !== null || isGuest;
  switch (action) {
    case 'workshop.read':
    case 'workshop.join':
    case 'workshop.raiseHand':
      return takesPart;
    case 'workshop.vote':
      return takesPart && (role !== 'observer' || workshop.observersMayVote);
    case 'workshop.facilitate':
    case 'workshop.seeAttendance':
      return facilitates;
  }
}

export type AssessmentAction =
  'assessment.read' | 'assessment.score' | 'assessment.reveal' | 'assessment.startSecondRound';

/** The attribute of an assessment matrix block the rules read. */
export interface AssessmentMatrixRef {
  allowObservers: boolean;
}

/** Roles that take part without drafting: they may score when the matrix allows it. */
const PARTICIPATING_ROLES: ReadonlySet<MembershipRole> = new Set([
  'observer',
  'sc_member',
  'stc_member',
]);

/**
 * Private scoring of an assessment matrix (decision 0051). Reading the results is reading the
 * document. Scoring is taking part: the document's editors, and, when the matrix allows it,
 * the group's observers and committee members (never guests of other groups). Revealing and
 * opening the Delphi second round speak for the group: its lead, the document's owners, admins.
 * An archived document is closed for all of these but reading.
 */
export function canOnAssessment(
  actor: Actor,
  action: AssessmentAction,
  doc: DocumentRef,
  matrix: AssessmentMatrixRef,
): boolean {
  if (!canOnDocument(actor, 'document.read', doc)) return false;
  if (action === 'assessment.read') return true;
  if (actor.user.isAdmin) return true;
  if (doc.status === 'archived') return false;
  const role = roleIn(actor, doc.workingGroupId);
  switch (action) {
    case 'assessment.score':
      return (
        canOnDocument(actor, 'document.edit', doc) ||
        (matrix.allowObservers && role !== null && PARTICIPATING_ROLES.has(role))
      );
    case 'assessment.reveal':
    case 'assessment.startSecondRound':
      return role === 'wg_lead' || (role !== null && doc.ownerIds.includes(actor.user.id));
  }
}

export type SignoffAction =
  'signoff.request' | 'signoff.withdraw' | 'signoff.designate' | 'signoff.read' | 'signoff.export';

/**
 * Consent sign-off by partner organisations (decision 0065). Asking for it, withdrawing it and
 * naming each organisation's signatory speak for the group: its lead and admins. Reading the
 * record and exporting it is the group's: its members and admins (not workshop guests). An
 * archived document takes no new request. Answering is `canAnswerSignoff`.
 */
export function canOnSignoff(
  actor: Actor,
  action: SignoffAction,
  workingGroupId: string,
  doc?: DocumentRef,
): boolean {
  if (doc?.status === 'archived' && action === 'signoff.request') return false;
  if (actor.user.isAdmin) return true;
  const role = roleIn(actor, workingGroupId);
  if (!role) return false;
  switch (action) {
    case 'signoff.read':
    case 'signoff.export':
      return true;
    case 'signoff.request':
    case 'signoff.withdraw':
    case 'signoff.designate':
      return role === 'wg_lead';
  }
}

/**
 * An answer is given by the organisation's designated signatory, who must (still) be a member
 * of the group; no one else, not even an admin or the lead, speaks for an organisation.
 */
export function canAnswerSignoff(
  actor: Actor,
  workingGroupId: string,
  signatoryUserId: string | null,
): boolean {
  if (signatoryUserId === null || signatoryUserId !== actor.user.id) return false;
  return roleIn(actor, workingGroupId) !== null;
}
