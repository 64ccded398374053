import { AppError, reviewOutcome } from '@polisee/domain';
import type { GiveVerdictRequestSchema, ReviewView } from '@polisee/contracts';
import type { z } from 'zod';
import { assertVerdict } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { notifyAboutDocument, responsibleFor } from '../documentNotifications.js';
import { changeDocumentStatus } from '../documentStatus.js';
import type { LiveDocuments } from '../liveDocuments.js';
import type { AuthenticatedActor } from '../loadActor.js';
import { recordActivity } from '../recordActivity.js';
import { announceReview, getReadableReview } from './reviewViews.js';

/**
 * A reviewer's verdict on the round's frozen version. It is final for the round (decision
 * 0022): a second one is refused; to reconsider, the lead opens a new round. The document's
 * status follows the round: any request for changes → `changes_requested` at once; every
 * reviewer approved (with or without reservations) → `approved`.
 */
export async function giveVerdict(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: AuthenticatedActor,
  reviewId: string,
  req: z.output<typeof GiveVerdictRequestSchema>,
): Promise<ReviewView> {
  const { review, doc } = await getReadableReview(ctx, actor, reviewId);
  assertVerdict(actor, doc, review);
  const latest = (await ctx.store.reviews.listForDocument(doc.id))[0];
  if (review.state !== 'open' || latest?.id !== review.id) {
    throw new AppError('conflict', 'This review round is closed: a newer round was requested.');
  }
  const recorded = await ctx.store.reviews.setVerdict(review.id, actor.user.id, {
    verdict: req.verdict,
    summary: req.summary,
    givenAt: ctx.now().toISOString(),
  });
  if (!recorded) {
    throw new AppError('conflict', 'You already gave your verdict on this round.');
  }
  await recordActivity(ctx, {
    type: 'verdict_given',
    actor: actor.user,
    workingGroupId: doc.workingGroupId,
    document: doc,
  });
  const responsible = await responsibleFor(ctx, doc);
  const updated = (await ctx.store.reviews.get(review.id))!;
  const outcome = reviewOutcome(updated);
  const status =
    outcome === 'changes_requested'
      ? 'changes_requested'
      : outcome === 'approved'
        ? 'approved'
        : null;
  // The requester hears of the verdict; the people answerable for the document hear of the
  // status it leads to, or of the verdict when the status stays.
  const changed = status
    ? await changeDocumentStatus(ctx, live, {
        documentId: doc.id,
        status,
        actor: actor.user,
        recipients: [{ userId: review.requestedBy, type: 'verdict_given' }],
        text: req.summary,
      })
    : null;
  if (!changed?.version) {
    await notifyAboutDocument(ctx, {
      actor: actor.user,
      doc,
      recipients: [review.requestedBy, ...responsible].map((userId) => ({
        userId,
        type: 'verdict_given' as const,
      })),
      text: req.summary,
    });
  }
  return announceReview(ctx, live, review.id);
}
