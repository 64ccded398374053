import type { Activity, ActivityType, AuditAction } from '@polisee/domain';
import type { ServiceContext } from '../services/context.js';
import type { DomainEventMap } from '../services/events.js';
import { currentAuditAddress } from './auditScope.js';
import { recordAuditEntry } from './recordAuditEntry.js';

/** The activities that are governance actions, and what the audit log calls them. */
const AUDITED_ACTIVITY: Partial<Record<ActivityType, AuditAction>> = {
  document_created: 'document.created',
  document_archived: 'document.archived',
  document_restored: 'document.restored',
  document_published: 'document.published',
  status_changed: 'document.status_changed',
  version_restored: 'document.version_restored',
  suggest_only_changed: 'document.suggest_only_changed',
  review_requested: 'review.requested',
  verdict_given: 'review.verdict_given',
  member_invited: 'invitation.created',
  member_joined: 'invitation.accepted',
};

/**
 * Records the governance actions the services announce as domain events. Listeners run inside
 * `emit`, so the request's address is read there, before anything is awaited. Returns the
 * unsubscribe.
 */
export function recordDomainEvents(ctx: ServiceContext): () => void {
  const onActivity = (activity: Activity) => {
    const action = AUDITED_ACTIVITY[activity.type];
    if (action) void recordActivity(ctx, action, activity, currentAuditAddress());
  };
  const onMembership = (change: DomainEventMap['membershipChanged'][0]) => {
    // Without `by` the change came with an accepted invitation, recorded as such.
    if (!change.by) return;
    void recordAuditEntry(ctx, {
      action: change.role ? 'membership.role_changed' : 'membership.removed',
      actorId: change.by,
      target: { type: 'user', id: change.userId },
      details: { workingGroupId: change.workingGroupId, role: change.role ?? null },
      address: currentAuditAddress(),
    });
  };
  const onOutcome = (outcome: DomainEventMap['workshopOutcomeAdded'][0]) => {
    void recordAuditEntry(ctx, {
      action: 'workshop.outcome_recorded',
      actorId: outcome.createdBy,
      target: { type: 'workshop', id: outcome.workshopId },
      details: { outcomeId: outcome.id, kind: outcome.kind },
      address: currentAuditAddress(),
    });
  };
  ctx.events.on('activityAdded', onActivity);
  ctx.events.on('membershipChanged', onMembership);
  ctx.events.on('workshopOutcomeAdded', onOutcome);
  return () => {
    ctx.events.off('activityAdded', onActivity);
    ctx.events.off('membershipChanged', onMembership);
    ctx.events.off('workshopOutcomeAdded', onOutcome);
  };
}

async function recordActivity(
  ctx: ServiceContext,
  action: AuditAction,
  activity: Activity,
  address: string | null,
) {
  const details: Record<string, string | null> = {
    workingGroupId: activity.workingGroupId,
    documentTitle: activity.documentTitle,
  };
  if (activity.documentId && action === 'review.verdict_given') {
    details.verdict = await verdictOf(ctx, activity.documentId, activity.actorId);
  }
  if (activity.documentId && action === 'document.status_changed') {
    details.status = (await ctx.store.documents.get(activity.documentId))?.status ?? null;
  }
  await recordAuditEntry(ctx, {
    action,
    actorId: activity.actorId,
    target: activity.documentId
      ? { type: 'document', id: activity.documentId }
      : activity.workingGroupId
        ? { type: 'workingGroup', id: activity.workingGroupId }
        : null,
    details,
    address,
  });
}

/** The verdict the reviewer just gave: theirs on the newest round where they gave one. */
async function verdictOf(ctx: ServiceContext, documentId: string, userId: string) {
  try {
    const rounds = await ctx.store.reviews.listForDocument(documentId);
    for (const round of rounds) {
      const mine = round.reviewers.find((r) => r.userId === userId && r.verdict !== null);
      if (mine) return mine.verdict;
    }
  } catch (err) {
    ctx.logger.error({ err, documentId }, 'audit: could not read the verdict');
  }
  return null;
}
