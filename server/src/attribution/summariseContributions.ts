import type {
  ContributionFigures,
  ContributionGrouping,
  ContributionRow,
  ContributionsResponse,
  ContributionTotal,
} from '@polisee/contracts';
import type { Contribution, ContributionPeriod } from '@polisee/domain';

/** What the summary needs to name documents and organisations. */
export interface SummaryNames {
  documentTitles: ReadonlyMap<string, string>;
  organisationNames: ReadonlyMap<string, string>;
}

export interface SummaryOptions {
  groupBy: ContributionGrouping;
  period: ContributionPeriod;
  /** ISO 8601 UTC: entries outside [from, to) are not counted (their suggestions still name their authors). */
  from?: string;
  to?: string;
}

const periodOf = (at: string, period: ContributionPeriod) =>
  period === 'day' ? at.slice(0, 10) : at.slice(0, 7);

interface Tally {
  inserted: number;
  deleted: number;
  made: Set<string>;
  accepted: Set<string>;
  rejected: Set<string>;
  settled: Set<string>;
}

const emptyTally = (): Tally => ({
  inserted: 0,
  deleted: 0,
  made: new Set(),
  accepted: new Set(),
  rejected: new Set(),
  settled: new Set(),
});

const figures = (t: Tally): ContributionFigures => ({
  charactersInserted: t.inserted,
  charactersDeleted: t.deleted,
  suggestionsMade: t.made.size,
  suggestionsAccepted: t.accepted.size,
  suggestionsRejected: t.rejected.size,
  suggestionsSettled: t.settled.size,
});

/**
 * Adds up ledger entries per document, period and contributor (decision 0069). A suggestion is
 * counted once by its id however many entries it spans; an accepted or rejected suggestion
 * counts for the organisation that made it (found by its id among all the entries given, so
 * pass them all and a range), and as settled for the one that settled it.
 */
export function summariseContributions(
  entries: readonly Contribution[],
  names: SummaryNames,
  options: SummaryOptions,
): ContributionsResponse {
  const contributorKey = (e: Pick<Contribution, 'organisationId' | 'country'>) =>
    options.groupBy === 'organisation' ? e.organisationId : e.country;
  const suggester = new Map<string, Contribution>();
  for (const e of entries)
    if (e.kind === 'suggestion')
      for (const id of e.suggestionIds) if (!suggester.has(id)) suggester.set(id, e);

  const rows = new Map<
    string,
    { row: Omit<ContributionRow, keyof ContributionFigures>; tally: Tally }
  >();
  const totals = new Map<
    string,
    { total: Omit<ContributionTotal, keyof ContributionFigures>; tally: Tally }
  >();
  const contributor = (e: Contribution) => ({
    organisationId: options.groupBy === 'organisation' ? e.organisationId : null,
    organisationName:
      options.groupBy === 'organisation'
        ? (names.organisationNames.get(e.organisationId) ?? '')
        : null,
    country: e.country,
  });
  const tallies = (e: Contribution, at: string) => {
    const period = periodOf(at, options.period);
    const key = `${period}\u0000${e.documentId}\u0000${contributorKey(e)}`;
    let row = rows.get(key);
    if (!row)
      rows.set(
        key,
        (row = {
          row: {
            ...contributor(e),
            documentId: e.documentId,
            documentTitle: names.documentTitles.get(e.documentId) ?? '',
            period,
          },
          tally: emptyTally(),
        }),
      );
    let total = totals.get(contributorKey(e));
    if (!total)
      totals.set(contributorKey(e), (total = { total: contributor(e), tally: emptyTally() }));
    return [row.tally, total.tally];
  };
  const inRange = (at: string) =>
    (!options.from || at >= options.from) && (!options.to || at < options.to);

  for (const e of entries) {
    if (!inRange(e.at)) continue;
    for (const t of tallies(e, e.at)) {
      if (e.kind === 'edit' || e.kind === 'suggestion') {
        t.inserted += e.inserted;
        t.deleted += e.deleted;
      }
      if (e.kind === 'suggestion') e.suggestionIds.forEach((id) => t.made.add(id));
      if (e.kind === 'accept' || e.kind === 'reject')
        e.suggestionIds.forEach((id) => t.settled.add(id));
    }
    if (e.kind !== 'accept' && e.kind !== 'reject') continue;
    for (const id of e.suggestionIds) {
      const by = suggester.get(id);
      if (!by) continue;
      // Counted for the suggester's organisation, in the period (and document) it was settled.
      for (const t of tallies({ ...by, documentId: e.documentId }, e.at))
        (e.kind === 'accept' ? t.accepted : t.rejected).add(id);
    }
  }

  const byChars = (a: { tally: Tally }, b: { tally: Tally }) =>
    b.tally.inserted + b.tally.deleted - (a.tally.inserted + a.tally.deleted);
  return {
    groupBy: options.groupBy,
    period: options.period,
    rows: [...rows.entries()]
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
      .map(([, { row, tally }]) => ({ ...row, ...figures(tally) })),
    totals: [...totals.values()]
      .sort(byChars)
      .map(({ total, tally }) => ({ ...total, ...figures(tally) })),
  };
}
