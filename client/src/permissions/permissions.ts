import type { SessionInfo } from '@polisee/contracts';
import type { MembershipRole, PoliDocument } from '@polisee/domain';

/*
 * What the UI offers to whom. This only hides controls: the server decides every request
 * (server/src/policies), so a rule here may be looser than the server's but never the only guard.
 */

const EDITING_ROLES: ReadonlySet<MembershipRole> = new Set(['wg_lead', 'wg_member']);

export function roleIn(session: SessionInfo, workingGroupId: string): MembershipRole | null {
  return session.memberships.find((m) => m.workingGroupId === workingGroupId)?.role ?? null;
}

/** May create documents in this working group: admins, its lead and its members. */
export function canCreateDocumentIn(session: SessionInfo, workingGroupId: string): boolean {
  if (session.user.isAdmin) return true;
  const role = roleIn(session, workingGroupId);
  return role !== null && EDITING_ROLES.has(role);
}

type DocumentRef = Pick<PoliDocument, 'workingGroupId' | 'ownerIds' | 'status'>;

/** Rename and re-tag: editors of the group, and never an archived document. */
export function canEditDocument(session: SessionInfo, doc: DocumentRef): boolean {
  if (doc.status === 'archived' && !session.user.isAdmin) return false;
  return canCreateDocumentIn(session, doc.workingGroupId);
}

/** Archive and unarchive: admins, the group's lead, or an editor who owns the document. */
export function canArchiveDocument(session: SessionInfo, doc: DocumentRef): boolean {
  if (session.user.isAdmin) return true;
  const role = roleIn(session, doc.workingGroupId);
  if (role === 'wg_lead') return true;
  return role === 'wg_member' && doc.ownerIds.includes(session.user.id);
}

/** Why this user cannot edit the document's text, or `null` if they can. */
export type ReadOnlyReason = 'archived' | 'role';

export function readOnlyReason(session: SessionInfo, doc: DocumentRef): ReadOnlyReason | null {
  if (canEditDocument(session, doc)) return null;
  // An archived document is read-only for everyone who could otherwise edit it.
  if (doc.status === 'archived' && canCreateDocumentIn(session, doc.workingGroupId))
    return 'archived';
  return 'role';
}

/** Comment (start threads, reply): everyone who may read, observers included; not when archived. */
export function canComment(session: SessionInfo, doc: DocumentRef): boolean {
  if (session.user.isAdmin) return true;
  return roleIn(session, doc.workingGroupId) !== null && doc.status !== 'archived';
}

/** Resolve, reopen, re-prioritise: the thread's author, the group's lead, or an editor. */
export function canManageThread(
  session: SessionInfo,
  doc: DocumentRef,
  thread: { authorId: string },
): boolean {
  if (!canComment(session, doc)) return false;
  if (session.user.isAdmin || thread.authorId === session.user.id) return true;
  return roleIn(session, doc.workingGroupId) === 'wg_lead' || canEditDocument(session, doc);
}

/** One's own messages may be edited and deleted; an admin may delete any, never edit. */
export function canChangeMessage(
  session: SessionInfo,
  doc: DocumentRef,
  message: { authorId: string },
  action: 'edit' | 'delete',
): boolean {
  if (!canComment(session, doc)) return false;
  if (message.authorId === session.user.id) return true;
  return action === 'delete' && session.user.isAdmin;
}

/** Save a named version, restore an older one: those who may edit the text. */
export function canChangeHistory(session: SessionInfo, doc: DocumentRef): boolean {
  return canEditDocument(session, doc);
}

/** Request a review round and publish an approved version: the group's lead (and admins). */
export function canLeadReview(session: SessionInfo, doc: DocumentRef): boolean {
  if (doc.status === 'archived') return false;
  return session.user.isAdmin || roleIn(session, doc.workingGroupId) === 'wg_lead';
}
