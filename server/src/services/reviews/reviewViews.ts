import {
  AppError,
  reviewOutcome,
  type DocumentVersion,
  type PoliDocument,
  type Review,
} from '@polisee/domain';
import type { ReviewView } from '@polisee/contracts';
import { contentHashOf } from '../../content/versionContent.js';
import type { Actor } from '../../policies/policy.js';
import type { ServiceContext } from '../context.js';
import { getReadableDocument } from '../documents.js';
import type { LiveDocuments } from '../liveDocuments.js';
import { logDamage } from '../../content/documentRepair.js';

/** A round the actor may read, with its document. Rounds of unreadable documents do not exist. */
export async function getReadableReview(
  ctx: ServiceContext,
  actor: Actor,
  reviewId: string,
): Promise<{ review: Review; doc: PoliDocument }> {
  const review = await ctx.store.reviews.get(reviewId);
  if (!review) throw new AppError('not_found', 'No such review.');
  try {
    return { review, doc: await getReadableDocument(ctx, actor, review.documentId) };
  } catch (err) {
    if (err instanceof AppError && err.code === 'not_found') {
      throw new AppError('not_found', 'No such review.');
    }
    throw err;
  }
}

/**
 * Views of a document's rounds (newest first, as the store lists them). "Changed since
 * requested" compares content hashes — the frozen version's with the document's now — rather
 * than state vectors, which deletions do not advance.
 */
export async function toReviewViews(
  ctx: ServiceContext,
  live: LiveDocuments,
  documentId: string,
  reviews: Review[],
): Promise<ReviewView[]> {
  if (reviews.length === 0) return [];
  const [all, currentHash, users, organisations] = await Promise.all([
    ctx.store.reviews.listForDocument(documentId),
    live.read(documentId, (doc) => contentHashOf(doc, logDamage(ctx.logger, { documentId }))),
    ctx.store.users.list(),
    ctx.store.organisations.list(),
  ]);
  const latestId = all[0]?.id;
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  const people = new Map(
    users.map((u) => [
      u.id,
      { id: u.id, name: u.name, organisationName: orgNames.get(u.organisationId) ?? '' },
    ]),
  );
  const views: ReviewView[] = [];
  for (const review of reviews) {
    const version: DocumentVersion | null = await ctx.store.versions.get(review.versionId);
    if (!version) throw new AppError('internal', 'A review names a version that does not exist.');
    const ids = new Set([review.requestedBy, ...review.reviewers.map((r) => r.userId)]);
    views.push({
      ...review,
      outcome: reviewOutcome(review),
      isCurrent: review.id === latestId,
      changedSinceRequested: version.contentHash !== currentHash,
      version,
      people: [...ids].flatMap((id) => {
        const person = people.get(id);
        return person ? [person] : [];
      }),
    });
  }
  return views;
}

export async function listDocumentReviews(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  documentId: string,
): Promise<ReviewView[]> {
  await getReadableDocument(ctx, actor, documentId);
  return toReviewViews(ctx, live, documentId, await ctx.store.reviews.listForDocument(documentId));
}

export async function getReview(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  reviewId: string,
): Promise<ReviewView> {
  const { review } = await getReadableReview(ctx, actor, reviewId);
  const [view] = await toReviewViews(ctx, live, review.documentId, [review]);
  return view!;
}

/** Re-reads a round after a change, announces it and returns its view. */
export async function announceReview(
  ctx: ServiceContext,
  live: LiveDocuments,
  reviewId: string,
): Promise<ReviewView> {
  const review = await ctx.store.reviews.get(reviewId);
  if (!review) throw new AppError('not_found', 'No such review.');
  ctx.events.emit('reviewChanged', review);
  const [view] = await toReviewViews(ctx, live, review.documentId, [review]);
  return view!;
}
