import {
  ContributionGroupingSchema,
  type ContributionFigures,
  type ContributionRow,
  type ProgrammeContributionsQuery,
  type SessionInfo,
  type WorkingGroupSummary,
} from '@polisee/contracts';
import { ContributionPeriodSchema } from '@polisee/domain';
import { canReportContributions } from '../../permissions/permissions';

/**
 * The programme's contribution report (decision 0069) as the page reads it from its address:
 * the scope (a working group, or the whole programme for admins), the grouping, the period and
 * a range of days. The address holds the choice, so a report can be shared as a link.
 */
export type ReportQuery = Omit<ProgrammeContributionsQuery, 'workingGroupId'> & {
  workingGroupId: string | undefined;
};
export type ReportParam = 'workingGroupId' | 'groupBy' | 'period' | 'from' | 'to';

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** The groups whose figures this person may see: all of them for admins. */
export function reportableGroups(
  session: SessionInfo,
  groups: readonly WorkingGroupSummary[],
): WorkingGroupSummary[] {
  return groups.filter((g) => canReportContributions(session, g.id));
}

/**
 * The query the address asks for, within what this person may see: an admin's default is the
 * whole programme, anyone else's their first group (a group they may not see is not asked for).
 */
export function reportQueryFrom(
  params: URLSearchParams,
  session: SessionInfo,
  groups: readonly WorkingGroupSummary[],
): ReportQuery {
  const asked = params.get('workingGroupId') ?? '';
  const allowed = reportableGroups(session, groups);
  const workingGroupId = allowed.some((g) => g.id === asked)
    ? asked
    : session.user.isAdmin
      ? undefined
      : allowed[0]?.id;
  const day = (key: 'from' | 'to') => {
    const value = params.get(key) ?? '';
    return DAY.test(value) ? value : undefined;
  };
  return {
    workingGroupId,
    groupBy: ContributionGroupingSchema.catch('organisation').parse(params.get('groupBy')),
    period: ContributionPeriodSchema.catch('month').parse(params.get('period')),
    from: day('from'),
    to: day('to'),
  };
}

const FIGURES: (keyof ContributionFigures)[] = [
  'charactersInserted',
  'charactersDeleted',
  'suggestionsMade',
  'suggestionsAccepted',
  'suggestionsRejected',
  'suggestionsSettled',
];

export type PeriodRow = Omit<ContributionRow, 'documentId' | 'documentTitle'>;

/**
 * The rows summed over documents: one per period and contributor, in period order (the server
 * gives one per document too, which the CSV keeps). A suggestion is counted in one document
 * only, so the sums count each once.
 */
export function sumByPeriod(rows: readonly ContributionRow[]): PeriodRow[] {
  const sums = new Map<string, PeriodRow>();
  for (const { documentId: _document, documentTitle: _title, ...row } of rows) {
    const key = `${row.period}\u0000${row.organisationId ?? ''}\u0000${row.country}`;
    const sum = sums.get(key);
    if (!sum) sums.set(key, { ...row });
    else for (const figure of FIGURES) sum[figure] += row[figure];
  }
  return [...sums.values()].sort(
    (a, b) =>
      a.period.localeCompare(b.period) ||
      b.charactersInserted + b.charactersDeleted - (a.charactersInserted + a.charactersDeleted),
  );
}
