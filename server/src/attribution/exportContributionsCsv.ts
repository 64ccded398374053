import type { ContributionsResponse } from '@polisee/contracts';
import { stringify } from 'csv-stringify/sync';

export const CONTRIBUTION_CSV_COLUMNS = [
  'period',
  'document_id',
  'document_title',
  'organisation',
  'country',
  'characters_inserted',
  'characters_deleted',
  'suggestions_made',
  'suggestions_accepted',
  'suggestions_rejected',
  'suggestions_settled',
] as const;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (OWASP "CSV injection"):
 * a document title or organisation name is user text, so such a cell gets a leading apostrophe.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const neutralise = (value: string) => (FORMULA_START.test(value) ? `'${value}` : value);

/** The statistics' rows as CSV for programme reporting (csv-stringify, RFC 4180 quoting). */
export function contributionsCsv(summary: ContributionsResponse): string {
  const rows = summary.rows.map((r) => [
    r.period,
    r.documentId,
    r.documentTitle,
    r.organisationName ?? '',
    r.country,
    r.charactersInserted,
    r.charactersDeleted,
    r.suggestionsMade,
    r.suggestionsAccepted,
    r.suggestionsRejected,
    r.suggestionsSettled,
  ]);
  return stringify([[...CONTRIBUTION_CSV_COLUMNS], ...rows], {
    cast: { string: neutralise },
    record_delimiter: 'windows',
  });
}
