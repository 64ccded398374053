import type { ContributionRow, SessionInfo, WorkingGroupSummary } from '@polisee/contracts';
import type { MembershipRole } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { reportQueryFrom, reportableGroups, sumByPeriod } from './contributionsReport';

const GROUPS = ['wg-1', 'wg-2', 'wg-3'].map(
  (id) => ({ id, name: id, myRole: null }) as unknown as WorkingGroupSummary,
);

function buildSession(roles: Record<string, MembershipRole>, isAdmin = false): SessionInfo {
  return {
    user: { id: 'u-1', isAdmin },
    memberships: Object.entries(roles).map(([workingGroupId, role]) => ({
      userId: 'u-1',
      workingGroupId,
      role,
    })),
    guestDocumentIds: [],
  } as unknown as SessionInfo;
}

const params = (query: Record<string, string>) => new URLSearchParams(query);

describe('reportQueryFrom', () => {
  it('keeps a lead to the groups they lead or sit on the steering committee of', () => {
    const lead = buildSession({ 'wg-1': 'wg_member', 'wg-2': 'wg_lead', 'wg-3': 'sc_member' });
    expect(reportableGroups(lead, GROUPS).map((g) => g.id)).toEqual(['wg-2', 'wg-3']);
    expect(reportQueryFrom(params({}), lead, GROUPS).workingGroupId).toBe('wg-2');
    expect(reportQueryFrom(params({ workingGroupId: 'wg-3' }), lead, GROUPS).workingGroupId).toBe(
      'wg-3',
    );
    // A group the address names but that is not theirs is not asked for.
    expect(reportQueryFrom(params({ workingGroupId: 'wg-1' }), lead, GROUPS).workingGroupId).toBe(
      'wg-2',
    );
  });

  it('gives admins the whole programme unless they pick a group', () => {
    const admin = buildSession({}, true);
    expect(reportQueryFrom(params({}), admin, GROUPS).workingGroupId).toBeUndefined();
    expect(reportQueryFrom(params({ workingGroupId: 'wg-1' }), admin, GROUPS).workingGroupId).toBe(
      'wg-1',
    );
  });

  it('reads the grouping, period and days, falling back on what the server defaults to', () => {
    const admin = buildSession({}, true);
    expect(
      reportQueryFrom(
        params({ groupBy: 'country', period: 'day', from: '2026-03-01', to: '2026-03-31' }),
        admin,
        GROUPS,
      ),
    ).toEqual({
      workingGroupId: undefined,
      groupBy: 'country',
      period: 'day',
      from: '2026-03-01',
      to: '2026-03-31',
    });
    expect(
      reportQueryFrom(params({ groupBy: 'city', period: 'year', from: '1 March' }), admin, GROUPS),
    ).toEqual({
      workingGroupId: undefined,
      groupBy: 'organisation',
      period: 'month',
      from: undefined,
      to: undefined,
    });
  });
});

describe('sumByPeriod', () => {
  const row = (over: Partial<ContributionRow>): ContributionRow => ({
    organisationId: 'org-gr',
    organisationName: 'Region of Central Macedonia',
    country: 'GR',
    documentId: 'doc-1',
    documentTitle: 'Plan',
    period: '2026-03',
    charactersInserted: 0,
    charactersDeleted: 0,
    suggestionsMade: 0,
    suggestionsAccepted: 0,
    suggestionsRejected: 0,
    suggestionsSettled: 0,
    ...over,
  });

  it('sums a contributor’s documents of one period, periods in order, larger share first', () => {
    const ro = { organisationId: 'org-ro', organisationName: 'NE RDA', country: 'RO' };
    expect(
      sumByPeriod([
        row({ period: '2026-04', charactersInserted: 5 }),
        row({ charactersInserted: 10, suggestionsMade: 1 }),
        row({ documentId: 'doc-2', charactersInserted: 7, charactersDeleted: 2 }),
        row({ ...ro, charactersInserted: 40, suggestionsAccepted: 2 }),
      ]),
    ).toEqual([
      {
        ...ro,
        period: '2026-03',
        charactersInserted: 40,
        charactersDeleted: 0,
        suggestionsMade: 0,
        suggestionsAccepted: 2,
        suggestionsRejected: 0,
        suggestionsSettled: 0,
      },
      {
        organisationId: 'org-gr',
        organisationName: 'Region of Central Macedonia',
        country: 'GR',
        period: '2026-03',
        charactersInserted: 17,
        charactersDeleted: 2,
        suggestionsMade: 1,
        suggestionsAccepted: 0,
        suggestionsRejected: 0,
        suggestionsSettled: 0,
      },
      expect.objectContaining({ period: '2026-04', country: 'GR', charactersInserted: 5 }),
    ]);
  });
});
