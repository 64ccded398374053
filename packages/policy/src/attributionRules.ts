import type { MembershipRole } from '@polisee/domain';
import { canOnDocument, roleIn, type Actor, type DocumentRef } from './rules.js';

/**
 * Who sees who wrote what (decision 0069). A document's authorship colours and statistics are
 * its group's business: its readers see the colours, its members (and admins) the statistics
 * and their CSV — not a workshop guest, who reads the document but is no party to its group.
 * Figures across documents are programme reporting: a group's lead or steering-committee
 * member for their group, admins for any group or the whole programme.
 */
const PROGRAMME_REPORTERS: ReadonlySet<MembershipRole> = new Set(['wg_lead', 'sc_member']);

export function canSeeAuthorship(actor: Actor, doc: DocumentRef): boolean {
  return canOnDocument(actor, 'document.read', doc);
}

export function canSeeDocumentContributions(actor: Actor, doc: DocumentRef): boolean {
  if (actor.user.isAdmin) return true;
  return roleIn(actor, doc.workingGroupId) !== null;
}

/** `workingGroupId` undefined: the whole programme. */
export function canSeeProgrammeContributions(actor: Actor, workingGroupId?: string): boolean {
  if (actor.user.isAdmin) return true;
  if (workingGroupId === undefined) return false;
  const role = roleIn(actor, workingGroupId);
  return role !== null && PROGRAMME_REPORTERS.has(role);
}
