import { z } from 'zod';
import {
  AssessmentPhaseSchema,
  AssessmentRationaleSchema,
  AssessmentRoundNumberSchema,
  AssessmentScoreValueSchema,
  CountryCodeSchema,
  IdSchema,
  IsoDateTimeSchema,
  MatrixStructureSchema,
} from '@polisee/domain';

/**
 * Private scoring of an assessment matrix, reveal and the Delphi second round (decision 0051).
 * The matrix (rows, criteria, `allowObservers`) is a block of the document; these routes hold
 * the scores. While a round is in scoring nobody — not the lead, not an admin — receives
 * another scorer's score or rationale: only their own scores and the number of scorers.
 *
 *   GET    /api/documents/:id/assessments/:matrixId                                → AssessmentView
 *   PUT    /api/documents/:id/assessments/:matrixId/scores           (one cell)    → AssessmentView
 *   DELETE /api/documents/:id/assessments/:matrixId/scores/:rowId/:criterionId     → AssessmentView
 *   POST   /api/documents/:id/assessments/:matrixId/reveal                         → AssessmentView
 *   POST   /api/documents/:id/assessments/:matrixId/second-round                   → AssessmentView
 *
 * After every change the server emits `assessment:changed` `{ documentId, matrixId }` to the
 * document's subscribers (ids only: refetch the GET). Who may do what: `canOnAssessment` in
 * @polisee/policy, with the matrix's `allowObservers` attribute.
 */

/** Error `reason`s of these routes (the finer code within `error.code`). */
export const ASSESSMENT_ERRORS = {
  /** 409 conflict: the round is revealed — a score, a withdrawal or a second reveal. */
  notScoring: 'assessment_not_scoring',
  /** 404 not_found: the document holds no matrix with this id. */
  unknownMatrix: 'assessment_matrix_unknown',
  /** 400 validation_failed: the matrix has no such row or criterion. */
  unknownCell: 'assessment_cell_unknown',
  /** 409 conflict: a second round needs round 1 revealed, and there is only one second round. */
  roundUnavailable: 'assessment_round_unavailable',
} as const;
export type AssessmentErrorCode = (typeof ASSESSMENT_ERRORS)[keyof typeof ASSESSMENT_ERRORS];

export const AssessmentParamsSchema = z.object({ id: IdSchema, matrixId: IdSchema });
export const AssessmentCellParamsSchema = AssessmentParamsSchema.extend({
  rowId: IdSchema,
  criterionId: IdSchema,
});

/**
 * `PUT …/scores`: one cell, an idempotent upsert of the caller's score in the current round.
 * An empty or absent rationale is stored as none (null).
 */
export const PutAssessmentScoreRequestSchema = z.strictObject({
  rowId: IdSchema,
  criterionId: IdSchema,
  score: AssessmentScoreValueSchema,
  rationale: AssessmentRationaleSchema.nullable().default(null),
});
export type PutAssessmentScoreRequest = z.input<typeof PutAssessmentScoreRequestSchema>;

/**
 * One of the caller's own scores. `round` is where it comes from: in round 2 a cell the caller
 * has not revised yet shows their round-1 score (`round: 1`), to prefill the form.
 */
export const MyAssessmentScoreSchema = z.object({
  rowId: IdSchema,
  criterionId: IdSchema,
  score: AssessmentScoreValueSchema,
  rationale: z.string().nullable(),
  round: AssessmentRoundNumberSchema,
  updatedAt: IsoDateTimeSchema,
});
export type MyAssessmentScore = z.infer<typeof MyAssessmentScoreSchema>;

/** One scorer's score of a revealed cell, with who they are and where they are from. */
export const ScorerScoreSchema = z.object({
  userId: IdSchema,
  name: z.string(),
  organisationId: IdSchema,
  organisationName: z.string(),
  country: CountryCodeSchema,
  score: AssessmentScoreValueSchema,
  rationale: z.string().nullable(),
  /** More than 1.5 from the cell's mean, in a cell with at least 3 scores. */
  outlier: z.boolean(),
});
export type ScorerScore = z.infer<typeof ScorerScoreSchema>;

/**
 * A revealed cell: statistics over its scores (population standard deviation), null when no
 * one scored it. Not rounded: rounding is the display's business.
 */
export const CellResultSchema = z.object({
  rowId: IdSchema,
  criterionId: IdSchema,
  count: z.number().int().nonnegative(),
  mean: z.number().nullable(),
  min: z.number().nullable(),
  max: z.number().nullable(),
  stdDev: z.number().nullable(),
  /** Ordered by organisation name, then scorer name. */
  scores: z.array(ScorerScoreSchema),
});
export type CellResult = z.infer<typeof CellResultSchema>;

/**
 * A revealed round's results over the matrix as it was at reveal (`structure`): one cell per
 * row × criterion, rows first. Round 2 counts each scorer's round-2 score, or their round-1
 * score where they did not revise it.
 */
export const RoundResultsSchema = z.object({
  round: AssessmentRoundNumberSchema,
  revealedAt: IsoDateTimeSchema,
  structure: MatrixStructureSchema,
  /** Distinct scorers in these results. */
  scorerCount: z.number().int().nonnegative(),
  cells: z.array(CellResultSchema),
});
export type RoundResults = z.infer<typeof RoundResultsSchema>;

/** What one reader sees of a matrix's scoring. */
export const AssessmentViewSchema = z.object({
  documentId: IdSchema,
  matrixId: IdSchema,
  /** The current round; 1 (scoring) until anything happened. */
  round: AssessmentRoundNumberSchema,
  phase: AssessmentPhaseSchema,
  /** When the current round began; null while no one has scored round 1 yet. */
  startedAt: IsoDateTimeSchema.nullable(),
  revealedAt: IsoDateTimeSchema.nullable(),
  revealedBy: IdSchema.nullable(),
  /** How many people have stored a score in the current round (a count leaks no score). */
  scorerCount: z.number().int().nonnegative(),
  /** The caller's own scores of the current round (in round 2, with round-1 fallbacks). */
  myScores: z.array(MyAssessmentScoreSchema),
  /**
   * Results of the revealed rounds, oldest first: empty while round 1 is scoring, round 1's
   * during round 2, both once round 2 is revealed.
   */
  results: z.array(RoundResultsSchema),
});
export type AssessmentView = z.infer<typeof AssessmentViewSchema>;

/** `assessment:changed`: to the document's subscribers after any change; ids only. */
export const AssessmentChangedEventSchema = z.object({
  documentId: IdSchema,
  matrixId: IdSchema,
});
export type AssessmentChangedEvent = z.infer<typeof AssessmentChangedEventSchema>;
