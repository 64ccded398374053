import { stringify } from 'csv-stringify/sync';
import { canOnSignoff, forbidden, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import { getSignoff } from './signoffViews.js';

export const SIGNOFF_CSV_COLUMNS = [
  'organisation',
  'signatory',
  'answer',
  'text',
  'time',
  'version_sha256',
] as const;

/**
 * A spreadsheet runs a cell that starts with one of these as a formula (CSV injection, OWASP):
 * such a cell is written with a leading apostrophe, which spreadsheets show as text.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutraliseFormula(value: string): string {
  return FORMULA_START.test(value) ? `'${value}` : value;
}

/**
 * The record of a request, one row per organisation asked: who answered for it (or its
 * signatory now, for one that has not), the answer, its text and time, and the SHA-256 of the
 * version's content — the hash kept with the version (decision 0025), which identifies exactly
 * what was signed. Written by csv-stringify (RFC 4180 quoting), every text cell neutralised.
 */
export async function exportSignoffCsv(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  requestId: string,
): Promise<{ filename: string; csv: string }> {
  const view = await getSignoff(ctx, live, actor, requestId);
  if (!canOnSignoff(actor, 'signoff.export', view.workingGroupId)) throw forbidden();
  const rows = view.organisations.map((o) => [
    o.organisationName,
    o.answer ? (o.answeredByName ?? '') : (o.signatoryName ?? ''),
    o.answer?.answer ?? '',
    o.answer?.text ?? '',
    o.answer?.answeredAt ?? '',
    view.version.contentHash,
  ]);
  const csv = stringify([[...SIGNOFF_CSV_COLUMNS], ...rows], {
    cast: { string: neutraliseFormula },
    record_delimiter: 'windows',
  });
  return { filename: `signoff-v${view.version.number}-${view.id.slice(0, 8)}.csv`, csv };
}
