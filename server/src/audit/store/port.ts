import type { AuditEntry } from '@polisee/domain';
import type { AuditFilter } from '@polisee/contracts';
import type { Page } from '../../store/ports.js';

/**
 * The audit log's store port (decision 0061). Append-only: there is no update, and the only
 * deletion is `purgeBefore`, which the retention job calls (and logs). Both adapters
 * (`sqliteAuditRepo.ts`, `mongoAuditRepo.ts`) pass `auditContract.test.ts`; each store exposes
 * it as `store.audit`.
 */
export interface AuditRepo {
  /** Stores the entry; an id already stored is ignored (a retried write must not double it). */
  append(entry: AuditEntry): Promise<void>;
  /** Newest first (by `at`, then id), every filter applied; `cursor` from the previous page. */
  list(query: AuditFilter & { limit: number; cursor?: string }): Promise<Page<AuditEntry>>;
  /** Removes every entry older than `before`; returns how many went. */
  purgeBefore(before: string): Promise<number>;
}
