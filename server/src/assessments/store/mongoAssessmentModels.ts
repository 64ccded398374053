import type {
  AssessmentRound,
  AssessmentScore,
  MatrixCriterionSnapshot,
  MatrixRowSnapshot,
  MatrixStructure,
} from '@polisee/domain';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  base,
  embedded,
  int,
  nullableStr,
  str,
  text,
  type SchemaPaths,
} from '../../store/mongo/modelParts.js';

/**
 * Assessment rounds and scores on MongoDB. Stored shapes are derived from the domain types
 * (decision 0044): a field added to the domain fails to compile here. Neither has an id of its
 * own (the default ObjectId); each is unique on its natural key, which makes a second score of
 * a cell an upsert onto the first and a round stored twice a no-op.
 */

const rowSchema = new Schema<MatrixRowSnapshot>(
  { rowId: str, label: text, priority: nullableStr } satisfies SchemaPaths<MatrixRowSnapshot>,
  embedded,
);
const criterionSchema = new Schema<MatrixCriterionSnapshot>(
  {
    criterionId: str,
    label: text,
    dac: nullableStr,
  } satisfies SchemaPaths<MatrixCriterionSnapshot>,
  embedded,
);
const structureSchema = new Schema<MatrixStructure>(
  {
    rows: { type: [rowSchema], default: [] },
    criteria: { type: [criterionSchema], default: [] },
  } satisfies SchemaPaths<MatrixStructure>,
  embedded,
);

export type AssessmentRoundDoc = AssessmentRound & { _id: Types.ObjectId };
export const assessmentRoundSchema = new Schema<AssessmentRoundDoc>(
  {
    documentId: str,
    matrixId: str,
    round: int,
    phase: str,
    startedAt: str,
    revealedAt: nullableStr,
    revealedBy: nullableStr,
    structure: { type: structureSchema, default: null },
  } satisfies SchemaPaths<AssessmentRound>,
  { ...base, collection: 'assessmentRounds' },
);
assessmentRoundSchema.index(
  { documentId: 1, matrixId: 1, round: 1 },
  { unique: true, name: 'matrix_round' },
);

export type AssessmentScoreDoc = AssessmentScore & { _id: Types.ObjectId };
export const assessmentScoreSchema = new Schema<AssessmentScoreDoc>(
  {
    documentId: str,
    matrixId: str,
    round: int,
    userId: str,
    organisationId: str,
    rowId: str,
    criterionId: str,
    score: int,
    rationale: nullableStr,
    updatedAt: str,
  } satisfies SchemaPaths<AssessmentScore>,
  { ...base, collection: 'assessmentScores' },
);
// The natural key, in the order a matrix's scores are listed.
assessmentScoreSchema.index(
  { documentId: 1, matrixId: 1, round: 1, userId: 1, rowId: 1, criterionId: 1 },
  { unique: true, name: 'score_key' },
);
// A scorer's own scores (every GET) without reading the others'.
assessmentScoreSchema.index({ documentId: 1, matrixId: 1, userId: 1 }, { name: 'by_user' });

/** The assessment collections, compiled on the store's connection with the others (`models.ts`). */
export interface AssessmentModels {
  AssessmentRound: Model<AssessmentRoundDoc>;
  AssessmentScore: Model<AssessmentScoreDoc>;
}

export function createAssessmentModels(connection: Connection): AssessmentModels {
  return {
    AssessmentRound: connection.model<AssessmentRoundDoc>('AssessmentRound', assessmentRoundSchema),
    AssessmentScore: connection.model<AssessmentScoreDoc>('AssessmentScore', assessmentScoreSchema),
  };
}
