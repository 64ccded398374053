import type { ServiceContext } from '../services/context.js';
import { recordAuditEntry } from './recordAuditEntry.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Removes the entries older than the retention period: the one way an entry ever leaves the
 * log, and itself logged (how many, and the cut-off), by the server rather than by a person.
 */
export async function purgeAuditEntries(
  ctx: ServiceContext,
  retentionDays: number,
): Promise<number> {
  const before = new Date(ctx.now().getTime() - retentionDays * DAY_MS).toISOString();
  const removed = await ctx.store.audit.purgeBefore(before);
  await recordAuditEntry(ctx, {
    action: 'audit.purged',
    actorId: null,
    address: null,
    target: { type: 'audit', id: 'retention' },
    details: { before, removed, retentionDays },
  });
  ctx.logger.info({ before, removed }, 'audit log: entries past retention removed');
  return removed;
}
