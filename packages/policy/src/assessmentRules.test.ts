import { MEMBERSHIP_ROLES, type MembershipRole } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { canOnAssessment, type Actor, type AssessmentAction, type DocumentRef } from './rules.js';

const ME = 'u1';
const actor = (role: MembershipRole | null, extra: Partial<Actor> = {}): Actor => ({
  user: { id: ME, isAdmin: false },
  memberships: role ? [{ userId: ME, workingGroupId: 'wg1', role }] : [],
  ...extra,
});
const admin: Actor = { user: { id: ME, isAdmin: true }, memberships: [] };
const doc = (over: Partial<DocumentRef> = {}): DocumentRef => ({
  id: 'd1',
  workingGroupId: 'wg1',
  ownerIds: ['someone-else'],
  status: 'draft',
  ...over,
});
const closed = { allowObservers: false };
const open = { allowObservers: true };

/** Who may do what on a draft they do not own, by whether the matrix lets observers score. */
const TABLE: Record<AssessmentAction, Record<'closed' | 'open', readonly MembershipRole[]>> = {
  'assessment.read': { closed: MEMBERSHIP_ROLES, open: MEMBERSHIP_ROLES },
  'assessment.score': {
    closed: ['wg_lead', 'wg_member'],
    open: ['wg_lead', 'wg_member', 'observer', 'sc_member', 'stc_member'],
  },
  'assessment.reveal': { closed: ['wg_lead'], open: ['wg_lead'] },
  'assessment.startSecondRound': { closed: ['wg_lead'], open: ['wg_lead'] },
};

describe('canOnAssessment', () => {
  for (const [action, byMatrix] of Object.entries(TABLE) as [
    AssessmentAction,
    (typeof TABLE)[AssessmentAction],
  ][]) {
    for (const [kind, matrix] of [
      ['closed', closed],
      ['open', open],
    ] as const) {
      it(`${action} (${kind} to observers): ${byMatrix[kind].join(', ')} and admins`, () => {
        for (const role of MEMBERSHIP_ROLES) {
          expect(canOnAssessment(actor(role), action, doc(), matrix), role).toBe(
            byMatrix[kind].includes(role),
          );
        }
        expect(canOnAssessment(admin, action, doc(), matrix)).toBe(true);
        // Another group's lead: not a reader at all.
        expect(canOnAssessment(actor(null), action, doc(), matrix)).toBe(false);
      });
    }
  }

  it('lets the document’s owners reveal and open the second round', () => {
    const owned = doc({ ownerIds: [ME] });
    for (const action of ['assessment.reveal', 'assessment.startSecondRound'] as const) {
      expect(canOnAssessment(actor('wg_member'), action, owned, open)).toBe(true);
      expect(canOnAssessment(actor('wg_member'), action, doc(), open)).toBe(false);
    }
  });

  it('lets a workshop guest read the results but never score', () => {
    const guest = actor(null, { guestDocumentIds: ['d1'] });
    expect(canOnAssessment(guest, 'assessment.read', doc(), open)).toBe(true);
    expect(canOnAssessment(guest, 'assessment.score', doc(), open)).toBe(false);
    expect(canOnAssessment(guest, 'assessment.reveal', doc({ ownerIds: [ME] }), open)).toBe(false);
  });

  it('closes an archived document to everything but reading, admins aside', () => {
    const archived = doc({ status: 'archived', ownerIds: [ME] });
    expect(canOnAssessment(actor('wg_lead'), 'assessment.read', archived, open)).toBe(true);
    for (const action of [
      'assessment.score',
      'assessment.reveal',
      'assessment.startSecondRound',
    ] as const) {
      for (const role of MEMBERSHIP_ROLES) {
        expect(canOnAssessment(actor(role), action, archived, open), `${role} ${action}`).toBe(
          false,
        );
      }
      expect(canOnAssessment(admin, action, archived, open)).toBe(true);
    }
  });
});
