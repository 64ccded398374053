import { z } from 'zod';
import {
  AssessmentPhaseSchema,
  AssessmentRoundNumberSchema,
  IdSchema,
  ThematicPrioritySchema,
} from '@polisee/domain';
import { RoundResultsSchema } from './assessments.js';

/**
 * `GET /api/documents/:id/blocks`: the method blocks of a document (decision 0049) as plain
 * data, read headless by `readBlocks` of @polisee/editor-schema. The vocabularies repeat that
 * package's lists (it imports only TipTap); a server test keeps them equal.
 */

/** Block and child ids: random ids set on insert (`newBlockId`). */
export const BlockIdSchema = z.string().regex(/^[\w-]{1,64}$/);

export const DacCriterionSchema = z.enum([
  'relevance',
  'coherence',
  'effectiveness',
  'efficiency',
  'impact',
  'sustainability',
]);
export const SteepCategorySchema = z.enum([
  'social',
  'technological',
  'economic',
  'environmental',
  'political',
]);
/** High or low on the x axis, then on the y axis. */
export const QuadrantSchema = z.enum(['hh', 'hl', 'lh', 'll']);

export const MatrixCriterionSchema = z.object({
  criterionId: BlockIdSchema,
  /** Empty for a DAC criterion shown under its name in the reader's language. */
  label: z.string(),
  dac: DacCriterionSchema.nullable(),
});
export const MatrixRowSchema = z.object({
  rowId: BlockIdSchema,
  /** Empty for a priority row shown under the priority's name in the reader's language. */
  label: z.string(),
  priority: ThematicPrioritySchema.nullable(),
});
/** A matrix's structure. Scores are never part of the document; revealed aggregates come apart. */
export const AssessmentMatrixBlockSchema = z.object({
  matrixId: BlockIdSchema,
  title: z.string(),
  allowObservers: z.boolean(),
  criteria: z.array(MatrixCriterionSchema),
  rows: z.array(MatrixRowSchema),
});
export type AssessmentMatrixBlock = z.infer<typeof AssessmentMatrixBlockSchema>;

const RatingSchema = z.number().int().min(1).max(5);
export const ForesightDriverSchema = z.object({
  driverId: BlockIdSchema,
  category: SteepCategorySchema,
  label: z.string(),
  impact: RatingSchema,
  uncertainty: RatingSchema,
});
export const SectionLinkSchema = z.object({ documentId: IdSchema, anchor: z.string() });
export const ForesightScenarioSchema = z.object({
  scenarioId: BlockIdSchema,
  quadrant: QuadrantSchema,
  name: z.string(),
  /** Plain text; paragraphs separated by a blank line. */
  narrative: z.string(),
  sectionLinks: z.array(SectionLinkSchema),
});
export const ForesightWildcardSchema = z.object({ wildcardId: BlockIdSchema, label: z.string() });
export const ForesightBoardBlockSchema = z.object({
  boardId: BlockIdSchema,
  title: z.string(),
  /** Driver ids (a removed driver's id may linger until someone picks another axis). */
  axisX: BlockIdSchema.nullable(),
  axisY: BlockIdSchema.nullable(),
  drivers: z.array(ForesightDriverSchema),
  scenarios: z.array(ForesightScenarioSchema),
  wildcards: z.array(ForesightWildcardSchema),
});
export type ForesightBoardBlock = z.infer<typeof ForesightBoardBlockSchema>;

export const PilotIndicatorSchema = z.object({
  indicatorId: BlockIdSchema,
  name: z.string(),
  unit: z.string(),
  baseline: z.number().nullable(),
  target: z.number().nullable(),
  result: z.number().nullable(),
  source: z.string(),
  /**
   * (result − baseline) / (target − baseline): 0 at the baseline, 1 at the target, above 1
   * beyond it, negative when moving away. Null when a value is missing or target = baseline.
   */
  achievement: z.number().nullable(),
});
export const PilotIndicatorsBlockSchema = z.object({
  blockId: BlockIdSchema,
  title: z.string(),
  indicators: z.array(PilotIndicatorSchema),
});
export type PilotIndicatorsBlock = z.infer<typeof PilotIndicatorsBlockSchema>;

/** Every block of the document, each list in document order. */
/**
 * Where a matrix's scoring stands, and its revealed rounds' results (aggregates and breakdown;
 * never a score of a round still scoring: decision 0051).
 */
export const MatrixAssessmentSchema = z.object({
  matrixId: BlockIdSchema,
  round: AssessmentRoundNumberSchema,
  phase: AssessmentPhaseSchema,
  results: z.array(RoundResultsSchema),
});
export type MatrixAssessment = z.infer<typeof MatrixAssessmentSchema>;

export const DocumentBlocksSchema = z.object({
  documentId: IdSchema,
  matrices: z.array(AssessmentMatrixBlockSchema),
  boards: z.array(ForesightBoardBlockSchema),
  pilotIndicators: z.array(PilotIndicatorsBlockSchema),
  /** One per matrix, in the same order. */
  assessments: z.array(MatrixAssessmentSchema),
});
export type DocumentBlocksResponse = z.infer<typeof DocumentBlocksSchema>;

export const MethodBlockTypeSchema = z.enum([
  'assessmentMatrix',
  'foresightBoard',
  'pilotIndicators',
]);
export const BlockItemTypeSchema = z.enum([
  'matrixCriterion',
  'matrixRow',
  'foresightDriver',
  'foresightScenario',
  'foresightWildcard',
  'pilotIndicator',
]);
const BlockValueSchema = z.union([z.string(), z.number(), z.boolean(), z.null()]);

/**
 * One change inside the method blocks between two states of a document, for the history to
 * name it in the reader's language ("Jobs: target 10 → 12", "row renamed", "scenario added").
 * Blocks and items are matched by id; a change of order alone is not one.
 */
export const BlockChangeSchema = z.object({
  change: z.enum(['added', 'removed', 'changed']),
  /** The block, named as it reads in the newer state (the older one when it was removed). */
  block: z.object({ type: MethodBlockTypeSchema, id: BlockIdSchema, title: z.string() }),
  /** The row, criterion, driver, scenario, wildcard or indicator; null for the block itself. */
  item: z
    .object({
      type: BlockItemTypeSchema,
      id: BlockIdSchema,
      /** Its label or name as stored; empty for a DAC criterion or priority row named by `dac`/`priority`. */
      name: z.string(),
      dac: DacCriterionSchema.nullable().optional(),
      priority: ThematicPrioritySchema.nullable().optional(),
    })
    .nullable(),
  /**
   * `changed` only: the attribute (`label`, `target`, `impact`, `axisX`, …). Axes read as the
   * drivers' labels; `narrative` comes without values (its text is marked in the compared
   * document), `sectionLinks` as the number of links.
   */
  field: z.string().nullable(),
  from: BlockValueSchema,
  to: BlockValueSchema,
});
export type BlockChange = z.infer<typeof BlockChangeSchema>;
