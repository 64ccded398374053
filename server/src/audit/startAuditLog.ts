import type { ServiceContext } from '../services/context.js';
import { auditWriterFor } from './recordAuditEntry.js';
import { purgeAuditEntries } from './purgeAuditEntries.js';
import { recordDomainEvents } from './recordDomainEvents.js';

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * The audit log of one server: records the domain events it audits and, once a day (and once
 * at start), removes the entries past AUDIT_RETENTION_DAYS. With several processes each purges:
 * the purge is idempotent, and each logs what it removed (mostly nothing).
 */
export function startAuditLog(ctx: ServiceContext, options: { retentionDays: number }) {
  const unsubscribe = recordDomainEvents(ctx);
  const purge = () =>
    purgeAuditEntries(ctx, options.retentionDays).catch((err: unknown) => {
      ctx.logger.error({ err }, 'audit log: retention purge failed; tried again tomorrow');
    });
  const first = setTimeout(() => void purge(), 60_000);
  const daily = setInterval(() => void purge(), DAY_MS);
  first.unref();
  daily.unref();
  return {
    /** Stops listening and purging, then stores (or logs) the entries still queued. */
    async close() {
      unsubscribe();
      clearTimeout(first);
      clearInterval(daily);
      await auditWriterFor(ctx).close();
    },
  };
}
