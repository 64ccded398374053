import { AppError, type Review } from '@polisee/domain';
import type { FieldIssue, RequestReviewRequestSchema, ReviewView } from '@polisee/contracts';
import type { z } from 'zod';
import { assertDocument, canOnDocument } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { notifyAboutDocument } from '../documentNotifications.js';
import { getReadableDocument } from '../documents.js';
import { changeDocumentStatus } from '../documentStatus.js';
import type { LiveDocuments } from '../liveDocuments.js';
import { loadActor, type AuthenticatedActor } from '../loadActor.js';
import { recordActivity } from '../recordActivity.js';
import { takeVersion } from '../versions/recordVersion.js';
import { announceReview } from './reviewViews.js';

type RequestReviewInput = z.output<typeof RequestReviewRequestSchema>;

/**
 * Opens a review round: the document as it is now is frozen as a version (`review`) — what the
 * reviewers judge, however drafting goes on — the document goes `in_review`, and each reviewer
 * is told. A new round supersedes the previous one (its verdicts no longer count).
 */
export async function requestReview(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  documentId: string,
  req: RequestReviewInput,
): Promise<ReviewView> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  assertDocument(actor, 'document.requestReview', doc);
  if (doc.status === 'archived') {
    throw new AppError('conflict', 'The document is archived; unarchive it first.');
  }
  const details: FieldIssue[] = [];
  for (const [i, id] of req.reviewerIds.entries()) {
    const reviewer = await loadActor(ctx, id);
    if (!reviewer || !canOnDocument(reviewer, 'document.read', doc)) {
      details.push({
        path: `reviewerIds.${i}`,
        code: 'invalid_value',
        message: 'not a user who may read this document',
      });
    }
  }
  const now = ctx.now();
  if (Date.parse(req.dueDate) <= now.getTime()) {
    details.push({ path: 'dueDate', code: 'in_the_past', message: 'must be in the future' });
  }
  if (details.length > 0) {
    throw new AppError(
      'validation_failed',
      `Invalid body: ${details.map((d) => `${d.path}: ${d.message}`).join('; ')}`,
      details,
    );
  }

  const previous = await ctx.store.reviews.listForDocument(documentId);
  const version = await takeVersion(ctx, live, {
    document: doc,
    kind: 'review',
    name: req.versionName ?? null,
    createdBy: actor.user.id,
    documentStatus: 'in_review',
  });
  const review: Review = {
    id: ctx.newId(),
    documentId,
    workingGroupId: doc.workingGroupId,
    round: (previous[0]?.round ?? 0) + 1,
    versionId: version.id,
    requestedBy: actor.user.id,
    requestedAt: now.toISOString(),
    dueDate: req.dueDate,
    message: req.message,
    reviewers: req.reviewerIds.map((userId) => ({
      userId,
      verdict: null,
      summary: null,
      givenAt: null,
    })),
    state: 'open',
    closedAt: null,
    reminderSentAt: null,
  };
  await ctx.store.reviews.create(review);
  const { doc: current } = await changeDocumentStatus(ctx, live, {
    documentId,
    status: 'in_review',
    actor: actor.user,
    version,
    activity: 'review_requested',
    recipients: req.reviewerIds.map((userId) => ({ userId, type: 'review_requested' as const })),
    text: req.message,
  });
  if (doc.status === 'in_review') {
    // Already in review (a new round): no status change, so the line and the reviewers' news
    // are this round's own.
    await recordActivity(ctx, {
      type: 'review_requested',
      actor: actor.user,
      workingGroupId: doc.workingGroupId,
      document: current,
    });
    await notifyAboutDocument(ctx, {
      actor: actor.user,
      doc: current,
      recipients: req.reviewerIds.map((userId) => ({ userId, type: 'review_requested' })),
      text: req.message,
    });
  }
  return announceReview(ctx, live, review.id);
}
