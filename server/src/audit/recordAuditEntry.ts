import type { AuditAction, AuditDetails, AuditEntry, AuditTargetType } from '@polisee/domain';
import type { ServiceContext } from '../services/context.js';
import type { Store } from '../store/ports.js';
import { currentAuditAddress } from './auditScope.js';
import { AuditWriter } from './auditWriter.js';

export interface AuditRecord {
  action: AuditAction;
  /** Who acted: a user id (their name and organisation are looked up now), or null. */
  actorId: string | null;
  target?: { type: AuditTargetType; id: string } | null;
  details?: AuditDetails;
  /** Defaults to the address of the request being served (`withAuditAddress`). */
  address?: string | null;
}

// One writer per store, so that every service of a process appends through the same ordered
// queue without the context having to carry it.
const writers = new WeakMap<Store, AuditWriter>();

export function auditWriterFor(ctx: Pick<ServiceContext, 'store' | 'logger'>): AuditWriter {
  let writer = writers.get(ctx.store);
  if (!writer) {
    writer = new AuditWriter(ctx.store.audit, ctx.logger);
    writers.set(ctx.store, writer);
  }
  return writer;
}

/**
 * Appends one entry to the audit log: the service any capability calls after a security- or
 * governance-relevant action (export, sign-off, …). Resolves once the entry is stored, or
 * queued for a retry when the store refused it (decision 0061); it never throws, so the action
 * it records is never undone by it.
 */
export async function recordAuditEntry(
  ctx: ServiceContext,
  record: AuditRecord,
): Promise<AuditEntry> {
  const who = await actorAtTheTime(ctx, record.actorId);
  const entry: AuditEntry = {
    id: ctx.newId(),
    at: ctx.now().toISOString(),
    action: record.action,
    ...who,
    address: record.address !== undefined ? record.address : currentAuditAddress(),
    targetType: record.target?.type ?? null,
    targetId: record.target?.id ?? null,
    details: record.details ?? {},
  };
  await auditWriterFor(ctx).write(entry);
  return entry;
}

/** The actor's name and organisation as they are now, copied into the entry. */
async function actorAtTheTime(ctx: ServiceContext, actorId: string | null) {
  const none = { actorId, actorName: null, organisationId: null, organisationName: null };
  if (!actorId) return none;
  try {
    const user = await ctx.store.users.get(actorId);
    if (!user) return none;
    const org = await ctx.store.organisations.get(user.organisationId);
    return {
      actorId,
      actorName: user.name,
      organisationId: user.organisationId,
      organisationName: org?.name ?? null,
    };
  } catch (err) {
    // The store is failing: the entry still goes to the writer's queue (and its log) by id.
    ctx.logger.error({ err, actorId }, 'audit: could not read the actor');
    return none;
  }
}
