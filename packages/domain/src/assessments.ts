import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { ThematicPrioritySchema } from './priorities.js';
import { multiLineText } from './userText.js';

/**
 * Private scoring of an assessment matrix (decision 0051). The matrix itself (its rows and
 * criteria) lives in the document; each scorer's scores and the round's phase live on the
 * server, which alone reveals them (decision 0049).
 */

export const ASSESSMENT_LIMITS = {
  scoreMin: 1,
  scoreMax: 5,
  /** A paragraph of reasons, not a report: the report is the document. */
  rationaleChars: 2000,
} as const;

/** Round 1, and the optional Delphi round 2 in which scorers revise. */
export const AssessmentRoundNumberSchema = z.union([z.literal(1), z.literal(2)]);
export type AssessmentRoundNumber = z.infer<typeof AssessmentRoundNumberSchema>;

export const ASSESSMENT_PHASES = ['scoring', 'revealed'] as const;
export const AssessmentPhaseSchema = z.enum(ASSESSMENT_PHASES);
export type AssessmentPhase = z.infer<typeof AssessmentPhaseSchema>;

export const AssessmentScoreValueSchema = z
  .number()
  .int()
  .min(ASSESSMENT_LIMITS.scoreMin)
  .max(ASSESSMENT_LIMITS.scoreMax);

/** A rationale as written: normalised like all user text; empty reads as none (null). */
export const AssessmentRationaleSchema = multiLineText({
  max: ASSESSMENT_LIMITS.rationaleChars,
  allowEmpty: true,
}).transform((text) => (text === '' ? null : text));

/** One scorer's score of one cell (row × criterion) in one round. */
export const AssessmentScoreSchema = z.object({
  documentId: IdSchema,
  matrixId: IdSchema,
  round: AssessmentRoundNumberSchema,
  userId: IdSchema,
  /** The scorer's organisation when they scored: results are read per region or partner. */
  organisationId: IdSchema,
  rowId: IdSchema,
  criterionId: IdSchema,
  score: AssessmentScoreValueSchema,
  rationale: z.string().max(ASSESSMENT_LIMITS.rationaleChars).nullable(),
  updatedAt: IsoDateTimeSchema,
});
export type AssessmentScore = z.infer<typeof AssessmentScoreSchema>;

export const MatrixRowSnapshotSchema = z.object({
  rowId: IdSchema,
  label: z.string(),
  priority: ThematicPrioritySchema.nullable(),
});
export type MatrixRowSnapshot = z.infer<typeof MatrixRowSnapshotSchema>;

export const MatrixCriterionSnapshotSchema = z.object({
  criterionId: IdSchema,
  /** Empty for a DAC criterion named in the reader's language: then `dac` names it. */
  label: z.string(),
  dac: z.string().nullable(),
});
export type MatrixCriterionSnapshot = z.infer<typeof MatrixCriterionSnapshotSchema>;

/**
 * The matrix's rows and criteria as they were when a round was revealed: a programme-wide view
 * aggregates revealed rounds from the store alone, without opening their documents.
 */
export const MatrixStructureSchema = z.object({
  rows: z.array(MatrixRowSnapshotSchema),
  criteria: z.array(MatrixCriterionSnapshotSchema),
});
export type MatrixStructure = z.infer<typeof MatrixStructureSchema>;

/** A round of a matrix. A matrix with no stored round is in round 1, scoring. */
export const AssessmentRoundSchema = z.object({
  documentId: IdSchema,
  matrixId: IdSchema,
  round: AssessmentRoundNumberSchema,
  phase: AssessmentPhaseSchema,
  startedAt: IsoDateTimeSchema,
  revealedAt: IsoDateTimeSchema.nullable(),
  revealedBy: IdSchema.nullable(),
  /** Taken at reveal; null while scoring. */
  structure: MatrixStructureSchema.nullable(),
});
export type AssessmentRound = z.infer<typeof AssessmentRoundSchema>;
