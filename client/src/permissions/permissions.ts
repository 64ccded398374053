import type { SessionInfo } from '@polisee/contracts';
import {
  canCreateWorkshop,
  canSeeProgrammeContributions,
  canInWorkingGroup,
  canOnDocument,
  canOnMessage,
  canOnThread,
  isSuggestOnly,
  type DocumentRef,
} from '@polisee/policy';

/*
 * What the UI offers to whom, in the UI's words. Each answer is the server's own rule from
 * `@polisee/policy`, so a control shown is an action the server allows; the server still decides
 * every request.
 */

/** May create documents in this working group: admins, its lead and its members. */
export function canCreateDocumentIn(session: SessionInfo, workingGroupId: string): boolean {
  return canInWorkingGroup(session, 'workingGroup.createDocument', workingGroupId);
}

/** Plan a workshop for this working group: admins, its lead and its members (decision 0047). */
export function canPlanWorkshopIn(session: SessionInfo, workingGroupId: string): boolean {
  return canCreateWorkshop(session, workingGroupId);
}

/** Rename and re-tag: editors of the group, and never an archived document. */
export function canEditDocument(session: SessionInfo, doc: DocumentRef): boolean {
  return canOnDocument(session, 'document.rename', doc);
}

/** Archive and unarchive: admins, the group's lead, or an editor who owns the document. */
export function canArchiveDocument(session: SessionInfo, doc: DocumentRef): boolean {
  return canOnDocument(session, 'document.archive', doc);
}

/** Why this user cannot edit the document's text, or `null` if they can. */
export type ReadOnlyReason = 'archived' | 'role';

export function readOnlyReason(session: SessionInfo, doc: DocumentRef): ReadOnlyReason | null {
  if (canOnDocument(session, 'document.edit', doc)) return null;
  // An archived document is read-only for everyone who could otherwise edit it.
  if (doc.status === 'archived' && canCreateDocumentIn(session, doc.workingGroupId))
    return 'archived';
  return 'role';
}

/**
 * May suggest changes but not edit (decision 0063): the STC and workshop guests while the text
 * is drafted or reviewed. The editor forces suggestion mode for them; the server closes their
 * connection (COLLAB_CLOSE.suggestionsOnly) on any update that is not a suggestion of theirs.
 */
export function mustSuggest(session: SessionInfo, doc: DocumentRef): boolean {
  return isSuggestOnly(session, doc);
}

/** Name the members who may only suggest on the document (decision 0081): its group's lead, admins. */
export function canHoldToSuggestions(session: SessionInfo, doc: DocumentRef): boolean {
  return canOnDocument(session, 'document.grantSuggestOnly', doc);
}

/** Comment (start threads, reply): everyone who may read, observers included; not when archived. */
export function canComment(session: SessionInfo, doc: DocumentRef): boolean {
  return canOnDocument(session, 'document.comment', doc);
}

/** Resolve, reopen, re-prioritise: the thread's author, the group's lead, or an editor. */
export function canManageThread(
  session: SessionInfo,
  doc: DocumentRef,
  thread: { authorId: string },
): boolean {
  return canOnThread(session, 'thread.resolve', doc, thread);
}

/** One's own messages may be edited and deleted; an admin may delete any, never edit. */
export function canChangeMessage(
  session: SessionInfo,
  doc: DocumentRef,
  message: { authorId: string },
  action: 'edit' | 'delete',
): boolean {
  return canOnMessage(session, action === 'edit' ? 'message.edit' : 'message.delete', doc, message);
}

/** Save a named version, restore an older one: those who may edit the text. */
export function canChangeHistory(session: SessionInfo, doc: DocumentRef): boolean {
  return canOnDocument(session, 'document.saveVersion', doc);
}

/**
 * Request a review round and publish an approved version: the group's lead (and admins). The
 * policy lets an admin act on an archived document, but the review services refuse one with a
 * conflict (unarchive it first), so the controls stay hidden there.
 */
export function canLeadReview(session: SessionInfo, doc: DocumentRef): boolean {
  return doc.status !== 'archived' && canOnDocument(session, 'document.requestReview', doc);
}

/**
 * Contribution figures across documents (decision 0069): a group's lead and steering-committee
 * members for that group; admins for any group and, without one, the whole programme.
 */
export function canReportContributions(session: SessionInfo, workingGroupId?: string): boolean {
  return canSeeProgrammeContributions(session, workingGroupId);
}
