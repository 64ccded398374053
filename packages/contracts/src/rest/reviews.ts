import { z } from 'zod';
import {
  DocumentSchema,
  DocumentVersionSchema,
  IdSchema,
  IsoDateTimeSchema,
  PublicationSchema,
  REVIEW_LIMITS,
  REVIEW_OUTCOMES,
  ReviewMessageSchema,
  ReviewSchema,
  ReviewVerdictSchema,
  VerdictSummarySchema,
  VersionNameSchema,
} from '@polisee/domain';
import { ThreadPersonSchema } from './threads.js';

export const RequestReviewRequestSchema = z.strictObject({
  reviewerIds: z
    .array(IdSchema)
    .min(1, 'name at least one reviewer')
    .max(REVIEW_LIMITS.reviewers)
    .transform((ids) => [...new Set(ids)]),
  /** Stored as UTC (`toISOString`), so due dates compare as strings in every store. */
  dueDate: IsoDateTimeSchema.transform((v) => new Date(v).toISOString()),
  message: ReviewMessageSchema.default(''),
  /** The label of the frozen version in the history; none by default (its kind says it). */
  versionName: VersionNameSchema.optional(),
});
export type RequestReviewRequest = z.input<typeof RequestReviewRequestSchema>;

/** Reservations and requested changes must say what they are; a plain approval may be silent. */
export const GiveVerdictRequestSchema = z
  .strictObject({
    verdict: ReviewVerdictSchema,
    summary: VerdictSummarySchema.default(''),
  })
  .refine((v) => v.verdict === 'approve' || v.summary.length > 0, {
    path: ['summary'],
    message: 'say what you would change or what your reservations are',
  });
export type GiveVerdictRequest = z.input<typeof GiveVerdictRequestSchema>;

/** A review round as the document page shows it. */
export const ReviewViewSchema = ReviewSchema.extend({
  outcome: z.enum(REVIEW_OUTCOMES),
  /** The document's latest round (only its verdicts still count). */
  isCurrent: z.boolean(),
  /**
   * The document's content differs from the frozen version: reviewers read the frozen version,
   * and may want the comparison with the current state.
   */
  changedSinceRequested: z.boolean(),
  /** The frozen version (metadata). */
  version: DocumentVersionSchema,
  /** The requester and the reviewers, with their current names. */
  people: z.array(ThreadPersonSchema),
});
export type ReviewView = z.infer<typeof ReviewViewSchema>;

export const PublishRequestSchema = z.strictObject({ versionId: IdSchema });
export type PublishRequest = z.infer<typeof PublishRequestSchema>;

export const PublishResponseSchema = z.object({
  document: DocumentSchema,
  publication: PublicationSchema,
});
export type PublishResponse = z.infer<typeof PublishResponseSchema>;

/** The published version's content, read-only, while drafting goes on in the live document. */
export const PublishedDocumentSchema = z.object({
  documentId: IdSchema,
  publication: PublicationSchema,
  version: DocumentVersionSchema,
  json: z.record(z.string(), z.unknown()),
  text: z.string(),
});
export type PublishedDocument = z.infer<typeof PublishedDocumentSchema>;
