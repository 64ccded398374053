import { MEMBERSHIP_ROLES, type MembershipRole } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import {
  canGiveVerdict,
  canInWorkingGroup,
  canInWorkspace,
  canOnDocument,
  canOnMessage,
  canOnThread,
  isSuggestOnly,
  readableWorkingGroupIds,
  roleIn,
  type Actor,
  type DocumentAction,
  type DocumentRef,
} from './rules.js';

const ME = 'u1';

function buildActor(role: MembershipRole | null, { isAdmin = false, group = 'wg1' } = {}): Actor {
  return {
    user: { id: ME, isAdmin },
    memberships: role ? [{ userId: ME, workingGroupId: group, role }] : [],
  };
}

function buildDocument(overrides: Partial<DocumentRef> = {}): DocumentRef {
  return { workingGroupId: 'wg1', ownerIds: ['someone-else'], status: 'draft', ...overrides };
}

const admin = buildActor(null, { isAdmin: true });
const outsider = buildActor('wg_lead', { group: 'wg2' });

/**
 * The document rules as a table: who may do what on a draft, and on an archived document, that
 * they do not own. Every action and role is listed, so a new one fails here until it is decided.
 */
const DRAFT: Record<DocumentAction, readonly MembershipRole[]> = {
  'document.read': MEMBERSHIP_ROLES,
  'document.comment': MEMBERSHIP_ROLES,
  'document.edit': ['wg_lead', 'wg_member'],
  'document.suggest': ['wg_lead', 'wg_member', 'stc_member'],
  'document.rename': ['wg_lead', 'wg_member'],
  'document.retag': ['wg_lead', 'wg_member'],
  'document.archive': ['wg_lead'],
  'document.saveVersion': ['wg_lead', 'wg_member'],
  'document.restoreVersion': ['wg_lead', 'wg_member'],
  'document.requestReview': ['wg_lead'],
  'document.publish': ['wg_lead'],
  'document.grantSuggestOnly': ['wg_lead'],
};
const ARCHIVED: Record<DocumentAction, readonly MembershipRole[]> = {
  'document.read': MEMBERSHIP_ROLES,
  'document.comment': [],
  'document.edit': [],
  'document.suggest': [],
  'document.rename': [],
  'document.retag': [],
  // Unarchiving is the archive action: the lead can undo it.
  'document.archive': ['wg_lead'],
  'document.saveVersion': [],
  'document.restoreVersion': [],
  'document.requestReview': [],
  'document.publish': [],
  'document.grantSuggestOnly': [],
};

describe('canOnDocument', () => {
  for (const [status, table, label] of [
    ['draft', DRAFT, 'a draft'],
    ['archived', ARCHIVED, 'an archived document'],
  ] as const) {
    for (const [action, allowed] of Object.entries(table) as [DocumentAction, MembershipRole[]][]) {
      it(`${action} on ${label}: ${allowed.join(', ') || 'no role'} and admins`, () => {
        const doc = buildDocument({ status });
        for (const role of MEMBERSHIP_ROLES) {
          expect(canOnDocument(buildActor(role), action, doc), role).toBe(allowed.includes(role));
        }
        expect(canOnDocument(admin, action, doc)).toBe(true);
        expect(canOnDocument(outsider, action, doc)).toBe(false);
      });
    }
  }

  it('lets a member who owns the document archive it, and no owner without a drafting role', () => {
    const owned = buildDocument({ ownerIds: [ME] });
    expect(canOnDocument(buildActor('wg_member'), 'document.archive', owned)).toBe(true);
    expect(canOnDocument(buildActor('wg_member'), 'document.archive', buildDocument())).toBe(false);
    expect(canOnDocument(buildActor('observer'), 'document.archive', owned)).toBe(false);
  });
});

describe('suggest-only members (decision 0063)', () => {
  const guest: Actor = { ...buildActor(null), guestDocumentIds: ['d1'] };
  const open = ['draft', 'in_review', 'changes_requested'] as const;
  const closed = ['approved', 'published', 'archived'] as const;

  it('are the STC and workshop guests while the text is drafted or reviewed', () => {
    for (const status of open) {
      const doc = buildDocument({ id: 'd1', status });
      expect(isSuggestOnly(buildActor('stc_member'), doc), status).toBe(true);
      expect(isSuggestOnly(guest, doc), status).toBe(true);
    }
    for (const status of closed) {
      const doc = buildDocument({ id: 'd1', status });
      expect(isSuggestOnly(buildActor('stc_member'), doc), status).toBe(false);
      expect(isSuggestOnly(guest, doc), status).toBe(false);
      expect(canOnDocument(guest, 'document.read', doc), status).toBe(true);
    }
  });

  it('never include editors, admins, the SC, observers, or guests of another document', () => {
    const doc = buildDocument({ id: 'd1' });
    for (const role of ['wg_lead', 'wg_member', 'sc_member', 'observer'] as const)
      expect(isSuggestOnly(buildActor(role), doc), role).toBe(false);
    expect(isSuggestOnly(admin, doc)).toBe(false);
    expect(isSuggestOnly(guest, buildDocument({ id: 'd2' }))).toBe(false);
    expect(isSuggestOnly(outsider, doc)).toBe(false);
    // Editors suggest too, by choice: the wire takes their direct edits as well.
    expect(canOnDocument(buildActor('wg_member'), 'document.suggest', doc)).toBe(true);
  });
});

describe('members the lead holds to suggestions on one document (decision 0081)', () => {
  const open = ['draft', 'in_review', 'changes_requested'] as const;
  const closed = ['approved', 'published'] as const;

  it('may suggest and not edit while the text is drafted or reviewed, whatever their role', () => {
    for (const role of ['wg_member', 'sc_member', 'observer', 'stc_member'] as const) {
      for (const status of open) {
        const doc = buildDocument({ status, suggestOnlyIds: [ME] });
        expect(isSuggestOnly(buildActor(role), doc), `${role} ${status}`).toBe(true);
        for (const action of [
          'document.edit',
          'document.rename',
          'document.retag',
          'document.saveVersion',
          'document.restoreVersion',
        ] as const) {
          expect(canOnDocument(buildActor(role), action, doc), `${role} ${action}`).toBe(false);
        }
      }
      for (const status of closed) {
        const doc = buildDocument({ status, suggestOnlyIds: [ME] });
        expect(canOnDocument(buildActor(role), 'document.suggest', doc), role).toBe(false);
        expect(canOnDocument(buildActor(role), 'document.read', doc), role).toBe(true);
      }
    }
  });

  it('never holds the lead, an admin, or anyone on another document', () => {
    const doc = buildDocument({ suggestOnlyIds: [ME] });
    expect(canOnDocument(buildActor('wg_lead'), 'document.edit', doc)).toBe(true);
    expect(canOnDocument(admin, 'document.edit', doc)).toBe(true);
    expect(canOnDocument(outsider, 'document.suggest', doc)).toBe(false);
    expect(canOnDocument(buildActor('wg_member'), 'document.edit', buildDocument())).toBe(true);
    expect(
      canOnDocument(
        buildActor('wg_member'),
        'document.edit',
        buildDocument({ suggestOnlyIds: ['x'] }),
      ),
    ).toBe(true);
  });
});

describe('canInWorkingGroup', () => {
  it('lets every member read and only drafting roles create documents', () => {
    for (const role of MEMBERSHIP_ROLES) {
      expect(canInWorkingGroup(buildActor(role), 'workingGroup.read', 'wg1')).toBe(true);
      expect(canInWorkingGroup(buildActor(role), 'workingGroup.createDocument', 'wg1'), role).toBe(
        role === 'wg_lead' || role === 'wg_member',
      );
    }
    expect(canInWorkingGroup(outsider, 'workingGroup.read', 'wg1')).toBe(false);
    expect(canInWorkingGroup(admin, 'workingGroup.createDocument', 'wg1')).toBe(true);
  });
});

describe('canOnThread', () => {
  const othersThread = { authorId: 'someone-else' };

  it('lets the author, the lead, an editor or an admin resolve; not other commenters', () => {
    const doc = buildDocument();
    for (const role of MEMBERSHIP_ROLES) {
      expect(canOnThread(buildActor(role), 'thread.resolve', doc, othersThread), role).toBe(
        role === 'wg_lead' || role === 'wg_member',
      );
      expect(canOnThread(buildActor(role), 'thread.changePriority', doc, { authorId: ME })).toBe(
        true,
      );
    }
    expect(canOnThread(admin, 'thread.resolve', doc, othersThread)).toBe(true);
    expect(canOnThread(outsider, 'thread.resolve', doc, { authorId: ME })).toBe(false);
  });

  it('closes an archived document’s threads to everyone but admins, authors included', () => {
    const archived = buildDocument({ status: 'archived' });
    expect(canOnThread(buildActor('wg_lead'), 'thread.resolve', archived, { authorId: ME })).toBe(
      false,
    );
    expect(canOnThread(admin, 'thread.resolve', archived, othersThread)).toBe(true);
  });
});

describe('canOnMessage', () => {
  it('lets authors edit and delete their own; an admin deletes any but edits none', () => {
    const doc = buildDocument();
    const mine = { authorId: ME };
    const theirs = { authorId: 'someone-else' };
    for (const role of MEMBERSHIP_ROLES) {
      expect(canOnMessage(buildActor(role), 'message.edit', doc, mine)).toBe(true);
      expect(canOnMessage(buildActor(role), 'message.delete', doc, theirs)).toBe(false);
    }
    expect(canOnMessage(admin, 'message.delete', doc, theirs)).toBe(true);
    expect(canOnMessage(admin, 'message.edit', doc, theirs)).toBe(false);
    const archived = buildDocument({ status: 'archived' });
    expect(canOnMessage(buildActor('wg_member'), 'message.edit', archived, mine)).toBe(false);
  });
});

describe('canGiveVerdict', () => {
  const review = { reviewers: [{ userId: ME, verdict: null, summary: null, givenAt: null }] };

  it('lets an assigned reviewer who may read the document give a verdict, and no one else', () => {
    expect(canGiveVerdict(buildActor('sc_member'), buildDocument(), review)).toBe(true);
    expect(canGiveVerdict(buildActor('sc_member'), buildDocument(), { reviewers: [] })).toBe(false);
    // Removed from the group since the round was requested: no longer a reader.
    expect(canGiveVerdict(outsider, buildDocument(), review)).toBe(false);
    expect(canGiveVerdict(admin, buildDocument(), { reviewers: [] })).toBe(false);
    expect(canGiveVerdict(admin, buildDocument({ status: 'archived' }), review)).toBe(false);
  });
});

describe('the workspace', () => {
  it('is administered by admins only', () => {
    expect(canInWorkspace(admin, 'workspace.administer')).toBe(true);
    expect(canInWorkspace(buildActor('wg_lead'), 'workspace.administer')).toBe(false);
  });

  it('is readable group by group, or whole for admins', () => {
    expect(readableWorkingGroupIds(admin)).toBeUndefined();
    expect(readableWorkingGroupIds(buildActor('observer'))).toEqual(['wg1']);
    expect(roleIn(buildActor('observer'), 'wg1')).toBe('observer');
    expect(roleIn(buildActor('observer'), 'wg2')).toBeNull();
  });
});
