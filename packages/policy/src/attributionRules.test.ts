import type { Membership, MembershipRole } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import {
  canSeeAuthorship,
  canSeeDocumentContributions,
  canSeeProgrammeContributions,
} from './attributionRules.js';
import type { Actor, DocumentRef } from './rules.js';

const doc: DocumentRef = { id: 'doc-1', workingGroupId: 'wg-1', ownerIds: [], status: 'draft' };

function actor(role: MembershipRole | null, extra: Partial<Actor> = {}): Actor {
  const memberships: Membership[] = role
    ? [{ userId: 'u', workingGroupId: 'wg-1', role } as Membership]
    : [];
  return { user: { id: 'u', isAdmin: false }, memberships, ...extra };
}

describe('attribution rules', () => {
  it('shows a document’s statistics to its group’s members, never to a workshop guest', () => {
    for (const role of ['observer', 'wg_member', 'stc_member'] as const)
      expect(canSeeDocumentContributions(actor(role), doc)).toBe(true);
    const guest = actor(null, { guestDocumentIds: ['doc-1'] });
    expect(canSeeAuthorship(guest, doc)).toBe(true);
    expect(canSeeDocumentContributions(guest, doc)).toBe(false);
    expect(canSeeDocumentContributions(actor(null), doc)).toBe(false);
  });

  it('gives group figures to its lead and steering committee, the programme to admins', () => {
    expect(canSeeProgrammeContributions(actor('wg_lead'), 'wg-1')).toBe(true);
    expect(canSeeProgrammeContributions(actor('sc_member'), 'wg-1')).toBe(true);
    expect(canSeeProgrammeContributions(actor('wg_member'), 'wg-1')).toBe(false);
    expect(canSeeProgrammeContributions(actor('wg_lead'), 'wg-2')).toBe(false);
    expect(canSeeProgrammeContributions(actor('wg_lead'))).toBe(false);
    const admin: Actor = { user: { id: 'a', isAdmin: true }, memberships: [] };
    expect(canSeeProgrammeContributions(admin)).toBe(true);
  });
});
