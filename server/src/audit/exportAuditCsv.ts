import { Readable } from 'node:stream';
import type { AuditFilter } from '@polisee/contracts';
import { AUDIT_CSV_MAX } from '@polisee/contracts';
import type { AuditEntry } from '@polisee/domain';
import { stringify } from 'csv-stringify';
import { assertWorkspace } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { normaliseFilter } from './listAuditEntries.js';

/** Rows are read from the store a page at a time, never the whole log at once. */
const READ_PAGE = 500;

export const AUDIT_CSV_COLUMNS = [
  'at',
  'action',
  'actorId',
  'actorName',
  'organisationId',
  'organisationName',
  'address',
  'targetType',
  'targetId',
  'details',
] as const;

/**
 * A cell a spreadsheet would run as a formula (OWASP "CSV injection": = + - @, and a leading tab
 * or carriage return) gets a leading apostrophe, which shows as text. Names, titles and attempted
 * emails are typed by users, so any cell may start that way.
 */
export function neutraliseFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

function row(e: AuditEntry): string[] {
  const values: Record<(typeof AUDIT_CSV_COLUMNS)[number], string> = {
    at: e.at,
    action: e.action,
    actorId: e.actorId ?? '',
    actorName: e.actorName ?? '',
    organisationId: e.organisationId ?? '',
    organisationName: e.organisationName ?? '',
    address: e.address ?? '',
    targetType: e.targetType ?? '',
    targetId: e.targetId ?? '',
    details: Object.keys(e.details).length > 0 ? JSON.stringify(e.details) : '',
  };
  return AUDIT_CSV_COLUMNS.map((c) => neutraliseFormula(values[c]));
}

/**
 * The filtered audit log as CSV (administrators only), newest first, at most AUDIT_CSV_MAX rows;
 * streamed, with the header first. The check runs before the first byte, so a refusal is an
 * ordinary error answer.
 */
export function exportAuditCsv(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  filter: AuditFilter,
): Readable {
  assertWorkspace(actor, 'workspace.administer');
  const query = normaliseFilter(filter);
  async function* rows() {
    let cursor: string | undefined;
    let sent = 0;
    do {
      const limit = Math.min(READ_PAGE, AUDIT_CSV_MAX - sent);
      const page = await ctx.store.audit.list({ ...query, limit, cursor });
      for (const e of page.items) yield row(e);
      sent += page.items.length;
      cursor = page.nextCursor ?? undefined;
    } while (cursor && sent < AUDIT_CSV_MAX);
  }
  return Readable.from(rows()).pipe(
    stringify({ header: true, columns: [...AUDIT_CSV_COLUMNS], bom: true }),
  );
}
