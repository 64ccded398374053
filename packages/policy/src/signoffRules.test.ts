import { MEMBERSHIP_ROLES, type MembershipRole } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { canAnswerSignoff, canOnSignoff, type Actor, type SignoffAction } from './rules.js';

const ME = 'u1';
const actor = (role: MembershipRole | null, group = 'wg1'): Actor => ({
  user: { id: ME, isAdmin: false },
  memberships: role ? [{ userId: ME, workingGroupId: group, role }] : [],
});
const admin: Actor = { user: { id: ME, isAdmin: true }, memberships: [] };

/** Every action and role, so a new one fails here until it is decided. */
const TABLE: Record<SignoffAction, readonly MembershipRole[]> = {
  'signoff.read': MEMBERSHIP_ROLES,
  'signoff.export': MEMBERSHIP_ROLES,
  'signoff.request': ['wg_lead'],
  'signoff.withdraw': ['wg_lead'],
  'signoff.designate': ['wg_lead'],
};

describe('canOnSignoff', () => {
  for (const [action, allowed] of Object.entries(TABLE) as [SignoffAction, MembershipRole[]][]) {
    it(`${action}: ${allowed.join(', ')} and admins`, () => {
      for (const role of MEMBERSHIP_ROLES) {
        expect(canOnSignoff(actor(role), action, 'wg1'), role).toBe(allowed.includes(role));
      }
      expect(canOnSignoff(admin, action, 'wg1')).toBe(true);
      // Another group's lead.
      expect(canOnSignoff(actor('wg_lead', 'wg2'), action, 'wg1')).toBe(false);
    });
  }

  it('takes no new request on an archived document, not even from an admin', () => {
    const archived = { workingGroupId: 'wg1', ownerIds: [], status: 'archived' as const };
    expect(canOnSignoff(actor('wg_lead'), 'signoff.request', 'wg1', archived)).toBe(false);
    expect(canOnSignoff(admin, 'signoff.request', 'wg1', archived)).toBe(false);
    expect(canOnSignoff(actor('wg_lead'), 'signoff.withdraw', 'wg1', archived)).toBe(true);
  });
});

describe('canAnswerSignoff', () => {
  it('lets the designated signatory who is a member answer, and no one else', () => {
    expect(canAnswerSignoff(actor('observer'), 'wg1', ME)).toBe(true);
    expect(canAnswerSignoff(actor('wg_lead'), 'wg1', 'someone-else')).toBe(false);
    expect(canAnswerSignoff(actor('wg_lead'), 'wg1', null)).toBe(false);
    expect(canAnswerSignoff(admin, 'wg1', 'someone-else')).toBe(false);
    // Designated, then removed from the group.
    expect(canAnswerSignoff(actor('wg_member', 'wg2'), 'wg1', ME)).toBe(false);
  });
});
