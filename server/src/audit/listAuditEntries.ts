import type { AuditFilter, AuditPage, AuditQuery } from '@polisee/contracts';
import { assertWorkspace } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import type { AuthenticatedActor } from '../services/loadActor.js';

/** Instants as stored (UTC, `toISOString`): a filter given with an offset compares as text too. */
export function normaliseFilter(filter: AuditFilter): AuditFilter {
  return {
    ...filter,
    from: filter.from && new Date(filter.from).toISOString(),
    to: filter.to && new Date(filter.to).toISOString(),
  };
}

/** One page of the audit log, newest first: administrators only. */
export async function listAuditEntries(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  query: AuditQuery,
): Promise<AuditPage> {
  assertWorkspace(actor, 'workspace.administer');
  return ctx.store.audit.list({
    ...normaliseFilter(query),
    limit: query.limit,
    cursor: query.cursor,
  });
}
