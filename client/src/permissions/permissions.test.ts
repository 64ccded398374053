import type { SessionInfo } from '@polisee/contracts';
import type { Membership, PoliDocument } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import {
  canArchiveDocument,
  canComment,
  canCreateDocumentIn,
  canEditDocument,
  canLeadReview,
  canManageThread,
  canPlanWorkshopIn,
  canHoldToSuggestions,
  mustSuggest,
  readOnlyReason,
} from './permissions';

function buildSession(
  memberships: Omit<Membership, 'userId'>[],
  isAdmin = false,
  guestDocumentIds: string[] = [],
): SessionInfo {
  return {
    user: {
      id: 'u1',
      email: 'ana@example.org',
      name: 'Ana',
      organisationId: 'o1',
      isAdmin,
      language: 'en',
      createdAt: '2025-01-01T00:00:00.000Z',
    },
    organisation: { id: 'o1', name: 'Agency', country: 'GR', type: 'development_agency' },
    memberships: memberships.map((m) => ({ ...m, userId: 'u1' })),
    guestDocumentIds,
  };
}

function buildDocument(overrides: Partial<PoliDocument> = {}): PoliDocument {
  return {
    id: 'd1',
    title: 'Plan',
    kind: 'joint_strategic_plan',
    workingGroupId: 'wg1',
    thematicPriorities: ['innovation'],
    countries: [],
    tags: [],
    language: 'en',
    status: 'draft',
    ownerIds: ['someone-else'],
    suggestOnlyIds: [],
    createdBy: 'someone-else',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: '2025-01-01T00:00:00.000Z',
    ...overrides,
  };
}

describe('document permissions', () => {
  it('lets leads and members edit, never observers or committee members', () => {
    const doc = buildDocument();
    expect(canEditDocument(buildSession([{ workingGroupId: 'wg1', role: 'wg_lead' }]), doc)).toBe(
      true,
    );
    expect(canEditDocument(buildSession([{ workingGroupId: 'wg1', role: 'wg_member' }]), doc)).toBe(
      true,
    );
    for (const role of ['observer', 'sc_member', 'stc_member'] as const) {
      expect(canEditDocument(buildSession([{ workingGroupId: 'wg1', role }]), doc)).toBe(false);
    }
    expect(canEditDocument(buildSession([{ workingGroupId: 'wg2', role: 'wg_lead' }]), doc)).toBe(
      false,
    );
    expect(canEditDocument(buildSession([], true), doc)).toBe(true);
  });

  it('does not offer renaming an archived document', () => {
    const session = buildSession([{ workingGroupId: 'wg1', role: 'wg_lead' }]);
    expect(canEditDocument(session, buildDocument({ status: 'archived' }))).toBe(false);
  });

  it('lets the lead, an owning member or an admin archive', () => {
    const doc = buildDocument();
    expect(
      canArchiveDocument(buildSession([{ workingGroupId: 'wg1', role: 'wg_lead' }]), doc),
    ).toBe(true);
    expect(
      canArchiveDocument(buildSession([{ workingGroupId: 'wg1', role: 'wg_member' }]), doc),
    ).toBe(false);
    const owned = buildDocument({ ownerIds: ['u1'] });
    expect(
      canArchiveDocument(buildSession([{ workingGroupId: 'wg1', role: 'wg_member' }]), owned),
    ).toBe(true);
    expect(
      canArchiveDocument(buildSession([{ workingGroupId: 'wg1', role: 'observer' }]), owned),
    ).toBe(false);
    expect(canArchiveDocument(buildSession([], true), doc)).toBe(true);
  });

  it('lets only drafting roles create documents', () => {
    expect(
      canCreateDocumentIn(buildSession([{ workingGroupId: 'wg1', role: 'wg_member' }]), 'wg1'),
    ).toBe(true);
    expect(
      canCreateDocumentIn(buildSession([{ workingGroupId: 'wg1', role: 'stc_member' }]), 'wg1'),
    ).toBe(false);
  });
});

describe('workshop guests', () => {
  it('comment on the linked documents and read them only; nothing of the group beyond them', () => {
    const guest = buildSession([{ workingGroupId: 'wg2', role: 'wg_member' }], false, ['d1']);
    expect(canComment(guest, buildDocument())).toBe(true);
    expect(canEditDocument(guest, buildDocument())).toBe(false);
    expect(readOnlyReason(guest, buildDocument())).toBe('role');
    expect(canComment(guest, buildDocument({ id: 'd2' }))).toBe(false);
    expect(canComment(guest, buildDocument({ status: 'archived' }))).toBe(false);
  });
});

describe('readOnlyReason', () => {
  it('is null for editors, "role" for readers, "archived" for editors of an archived document', () => {
    const doc = buildDocument();
    const archived = buildDocument({ status: 'archived' });
    const member = buildSession([{ workingGroupId: 'wg1', role: 'wg_member' }]);
    expect(readOnlyReason(member, doc)).toBeNull();
    expect(readOnlyReason(member, archived)).toBe('archived');
    for (const role of ['observer', 'sc_member', 'stc_member'] as const) {
      const reader = buildSession([{ workingGroupId: 'wg1', role }]);
      expect(readOnlyReason(reader, doc)).toBe('role');
      expect(readOnlyReason(reader, archived)).toBe('role');
    }
    // Admins may edit archived documents (the server's policy agrees).
    expect(readOnlyReason(buildSession([], true), archived)).toBeNull();
  });
});

describe('review and thread controls', () => {
  it('offers a review round to the lead and admins, never on an archived document', () => {
    const doc = buildDocument();
    expect(canLeadReview(buildSession([{ workingGroupId: 'wg1', role: 'wg_lead' }]), doc)).toBe(
      true,
    );
    expect(canLeadReview(buildSession([{ workingGroupId: 'wg1', role: 'wg_member' }]), doc)).toBe(
      false,
    );
    expect(canLeadReview(buildSession([], true), doc)).toBe(true);
    // The policy lets an admin, but the service refuses an archived document (conflict).
    expect(canLeadReview(buildSession([], true), buildDocument({ status: 'archived' }))).toBe(
      false,
    );
  });

  it('lets an observer resolve their own thread, not someone else’s', () => {
    const observer = buildSession([{ workingGroupId: 'wg1', role: 'observer' }]);
    expect(canManageThread(observer, buildDocument(), { authorId: 'u1' })).toBe(true);
    expect(canManageThread(observer, buildDocument(), { authorId: 'someone-else' })).toBe(false);
  });
});

describe('planning workshops', () => {
  it('is for the roles that draft in that group, and admins', () => {
    const session = buildSession([
      { workingGroupId: 'lead', role: 'wg_lead' },
      { workingGroupId: 'member', role: 'wg_member' },
      { workingGroupId: 'watch', role: 'observer' },
    ]);
    expect(canPlanWorkshopIn(session, 'lead')).toBe(true);
    expect(canPlanWorkshopIn(session, 'member')).toBe(true);
    expect(canPlanWorkshopIn(session, 'watch')).toBe(false);
    expect(canPlanWorkshopIn(session, 'elsewhere')).toBe(false);
    expect(canPlanWorkshopIn(buildSession([], true), 'elsewhere')).toBe(true);
  });
});

describe('mustSuggest (decision 0063)', () => {
  it('forces suggestion mode on the STC and workshop guests while the text is open', () => {
    const stc = buildSession([{ workingGroupId: 'wg1', role: 'stc_member' }]);
    const guest = buildSession([{ workingGroupId: 'wg2', role: 'wg_member' }], false, ['d1']);
    const member = buildSession([{ workingGroupId: 'wg1', role: 'wg_member' }]);
    const observer = buildSession([{ workingGroupId: 'wg1', role: 'observer' }]);
    expect(mustSuggest(stc, buildDocument({ status: 'in_review' }))).toBe(true);
    expect(mustSuggest(guest, buildDocument())).toBe(true);
    expect(mustSuggest(stc, buildDocument({ status: 'published' }))).toBe(false);
    expect(mustSuggest(member, buildDocument())).toBe(false);
    expect(mustSuggest(observer, buildDocument())).toBe(false);
  });

  it('forces it on a member the lead holds to suggestions on this document (decision 0081)', () => {
    const member = buildSession([{ workingGroupId: 'wg1', role: 'wg_member' }]);
    const lead = buildSession([{ workingGroupId: 'wg1', role: 'wg_lead' }]);
    const held = buildDocument({ suggestOnlyIds: ['u1'] });
    expect(mustSuggest(member, held)).toBe(true);
    expect(canEditDocument(member, held)).toBe(false);
    expect(mustSuggest(lead, held)).toBe(false);
    expect(canHoldToSuggestions(lead, held)).toBe(true);
    expect(canHoldToSuggestions(member, buildDocument())).toBe(false);
  });
});
