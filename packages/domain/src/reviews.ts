import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { multiLineText } from './userText.js';

export const REVIEW_VERDICTS = ['approve', 'approve_with_reservations', 'request_changes'] as const;
export const ReviewVerdictSchema = z.enum(REVIEW_VERDICTS);
export type ReviewVerdict = z.infer<typeof ReviewVerdictSchema>;

/**
 * A round is `open` while it is the document's current round; it is `closed` once a new round
 * supersedes it or the document is published. Verdicts are given on open rounds only.
 */
export const REVIEW_STATES = ['open', 'closed'] as const;
export const ReviewStateSchema = z.enum(REVIEW_STATES);
export type ReviewState = z.infer<typeof ReviewStateSchema>;

/** What the verdicts of a round add up to (see `reviewOutcome`). */
export const REVIEW_OUTCOMES = ['pending', 'approved', 'changes_requested'] as const;
export type ReviewOutcome = (typeof REVIEW_OUTCOMES)[number];

export const REVIEW_LIMITS = {
  /** A review round is a committee's work, not the whole workspace's. */
  reviewers: 30,
  messageChars: 2000,
  summaryChars: 5000,
} as const;

export const ReviewMessageSchema = multiLineText({
  max: REVIEW_LIMITS.messageChars,
  allowEmpty: true,
});
export const VerdictSummarySchema = multiLineText({ max: REVIEW_LIMITS.summaryChars });

/** One assigned reviewer and their verdict (null until given; a verdict is final for the round). */
export const ReviewerSchema = z.object({
  userId: IdSchema,
  verdict: ReviewVerdictSchema.nullable(),
  summary: z.string().nullable(),
  givenAt: IsoDateTimeSchema.nullable(),
});
export type Reviewer = z.infer<typeof ReviewerSchema>;

/** A review round: the frozen version, who reviews it, by when, and their verdicts. */
export const ReviewSchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  workingGroupId: IdSchema,
  /** 1, 2, … per document. */
  round: z.number().int().positive(),
  /** The version frozen when the review was requested: what the reviewers judge. */
  versionId: IdSchema,
  requestedBy: IdSchema,
  requestedAt: IsoDateTimeSchema,
  dueDate: IsoDateTimeSchema,
  message: z.string(),
  /** In the order the requester gave them. */
  reviewers: z.array(ReviewerSchema),
  state: ReviewStateSchema,
  closedAt: IsoDateTimeSchema.nullable(),
  /** When the "due soon" reminder went out (it goes out once). */
  reminderSentAt: IsoDateTimeSchema.nullable(),
});
export type Review = z.infer<typeof ReviewSchema>;

/**
 * Any request for changes decides the round (`changes_requested`) at once; it is `approved`
 * when every reviewer approved, with or without reservations; `pending` otherwise.
 */
export function reviewOutcome(review: Pick<Review, 'reviewers'>): ReviewOutcome {
  if (review.reviewers.some((r) => r.verdict === 'request_changes')) return 'changes_requested';
  if (review.reviewers.length > 0 && review.reviewers.every((r) => r.verdict !== null)) {
    return 'approved';
  }
  return 'pending';
}

/** A published version of a document: what `GET /documents/:id/published` serves. */
export const PublicationSchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  versionId: IdSchema,
  publishedAt: IsoDateTimeSchema,
  publishedBy: IdSchema,
});
export type Publication = z.infer<typeof PublicationSchema>;
