import { z } from 'zod';
import {
  AssessmentRoundNumberSchema,
  CountryCodeSchema,
  DocumentKindSchema,
  DocumentStatusSchema,
  IdSchema,
  ThematicPrioritySchema,
} from '@polisee/domain';
import { DacCriterionSchema } from './blocks.js';

/**
 * The programme view: every revealed assessment matrix the reader may read, aggregated by
 * thematic priority (the row's) × country (the scorer's organisation's). Each matrix counts
 * with its latest revealed round; a round still scoring never counts.
 *
 *   GET /api/programme/assessments        ?workingGroupId&status&criterion          → ProgrammeHeatmap
 *   GET /api/programme/assessments/cell   ?priority&country&workingGroupId&status&criterion
 *                                                                                    → ProgrammeCellDetail
 *
 * The drill-down is a route of its own: over 500 assessments the cells behind every number of
 * the heatmap would be ~100,000 entries, while one cell's are a few hundred.
 */

export const ProgrammeFilterSchema = z.strictObject({
  workingGroupId: IdSchema.optional(),
  status: DocumentStatusSchema.optional(),
  /** Only the columns of this OECD DAC criterion; absent: every criterion. */
  criterion: DacCriterionSchema.optional(),
});
export type ProgrammeFilter = z.infer<typeof ProgrammeFilterSchema>;

/** Rows without a thematic priority are read under this key (never in the heatmap itself). */
export const NO_PRIORITY = 'none';
export const ProgrammePrioritySchema = z.union([ThematicPrioritySchema, z.literal(NO_PRIORITY)]);
export type ProgrammePriority = z.infer<typeof ProgrammePrioritySchema>;

export const ProgrammeCellQuerySchema = ProgrammeFilterSchema.extend({
  priority: ProgrammePrioritySchema,
  country: CountryCodeSchema,
});
export type ProgrammeCellQuery = z.infer<typeof ProgrammeCellQuerySchema>;

/** Scores of one priority × country: their mean (not rounded), how many, from how many documents. */
export const ProgrammeCellSchema = z.object({
  priority: ProgrammePrioritySchema,
  country: CountryCodeSchema,
  mean: z.number(),
  scores: z.number().int().positive(),
  /** Distinct documents (assessments) the scores come from. */
  assessments: z.number().int().positive(),
});
export type ProgrammeCell = z.infer<typeof ProgrammeCellSchema>;

export const ProgrammeHeatmapSchema = z.object({
  /** The six thematic priorities, in the programme's order: the heatmap's rows. */
  priorities: z.array(ThematicPrioritySchema),
  /** Every country with a counted score (a row with a priority or not), by code. */
  countries: z.array(CountryCodeSchema),
  /** Only cells with scores, priorities first, then countries; a missing cell has none. */
  cells: z.array(ProgrammeCellSchema),
  /** Scores of rows without a priority, per country (`priority: 'none'`). */
  unprioritised: z.array(ProgrammeCellSchema),
  /** What the heatmap stands on, filters applied. */
  sources: z.object({
    /** Distinct documents with a counted score. */
    documents: z.number().int().nonnegative(),
    /** Revealed matrices with a counted score. */
    matrices: z.number().int().nonnegative(),
    scores: z.number().int().nonnegative(),
  }),
});
export type ProgrammeHeatmap = z.infer<typeof ProgrammeHeatmapSchema>;

/** One matrix cell (row × criterion) behind a heatmap cell: its scores from that country. */
export const ProgrammeSourceCellSchema = z.object({
  rowId: IdSchema,
  /** Empty: show the priority's name in the reader's language. */
  rowLabel: z.string(),
  criterionId: IdSchema,
  /** Empty for a DAC criterion: show `dac`'s name in the reader's language. */
  criterionLabel: z.string(),
  dac: DacCriterionSchema.nullable(),
  mean: z.number(),
  scores: z.number().int().positive(),
});
export type ProgrammeSourceCell = z.infer<typeof ProgrammeSourceCellSchema>;

export const ProgrammeSourceMatrixSchema = z.object({
  matrixId: IdSchema,
  /** As the document holds it now; null when the matrix is no longer in the document. */
  title: z.string().nullable(),
  /** The revealed round counted. */
  round: AssessmentRoundNumberSchema,
  cells: z.array(ProgrammeSourceCellSchema),
});

export const ProgrammeSourceDocumentSchema = z.object({
  documentId: IdSchema,
  title: z.string(),
  kind: DocumentKindSchema,
  status: DocumentStatusSchema,
  workingGroupId: IdSchema,
  matrices: z.array(ProgrammeSourceMatrixSchema),
});
export type ProgrammeSourceDocument = z.infer<typeof ProgrammeSourceDocumentSchema>;

/** One criterion's scores within the heatmap cell: DAC criteria by name, others by label. */
export const ProgrammeCriterionMeanSchema = z.object({
  dac: DacCriterionSchema.nullable(),
  label: z.string(),
  mean: z.number(),
  scores: z.number().int().positive(),
});

export const ProgrammeCellDetailSchema = z.object({
  priority: ProgrammePrioritySchema,
  country: CountryCodeSchema,
  /** Null when nothing is counted there (an empty cell). */
  cell: ProgrammeCellSchema.nullable(),
  /** DAC criteria in their order first, then other criteria by label. */
  criteria: z.array(ProgrammeCriterionMeanSchema),
  /** By title. */
  documents: z.array(ProgrammeSourceDocumentSchema),
});
export type ProgrammeCellDetail = z.infer<typeof ProgrammeCellDetailSchema>;
