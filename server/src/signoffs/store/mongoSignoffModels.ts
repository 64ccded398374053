import type { Signatory, SignoffAnswer, SignoffRequest } from '@polisee/domain';
import { Schema, type Connection, type Model, type Types } from 'mongoose';
import {
  base,
  embedded,
  int,
  nullableStr,
  str,
  strings,
  text,
  type SchemaPaths,
  type Stored,
} from '../../store/mongo/modelParts.js';

/**
 * Sign-offs on MongoDB. Stored shapes are derived from the domain types (decision 0044). A
 * request embeds its answers (one per organisation asked, at most `SIGNOFF_LIMITS.organisations`),
 * so appending one is a single conditional update. A signatory has no id of its own and is
 * unique on (group, organisation).
 */

const answerSchema = new Schema<SignoffAnswer>(
  {
    organisationId: str,
    userId: str,
    answer: str,
    text,
    answeredAt: str,
  } satisfies SchemaPaths<SignoffAnswer>,
  embedded,
);

export type SignoffRequestDoc = Stored<SignoffRequest>;
export const signoffRequestSchema = new Schema<SignoffRequestDoc>(
  {
    _id: str,
    documentId: str,
    workingGroupId: str,
    versionId: str,
    requestedBy: str,
    requestedAt: str,
    message: text,
    quorum: str,
    required: int,
    organisationIds: strings,
    answers: { type: [answerSchema], default: [] },
    withdrawnAt: nullableStr,
    withdrawnBy: nullableStr,
    lapsedAt: nullableStr,
  } satisfies SchemaPaths<SignoffRequestDoc>,
  { ...base, collection: 'signoffRequests' },
);
// A document's requests newest first, and the newest of each document (catalogue chips).
signoffRequestSchema.index({ documentId: 1, requestedAt: -1, _id: -1 }, { name: 'by_document' });

export type SignatoryDoc = Signatory & { _id: Types.ObjectId };
export const signatorySchema = new Schema<SignatoryDoc>(
  {
    workingGroupId: str,
    organisationId: str,
    userId: str,
    setBy: str,
    setAt: str,
  } satisfies SchemaPaths<Signatory>,
  { ...base, collection: 'signatories' },
);
signatorySchema.index(
  { workingGroupId: 1, organisationId: 1 },
  { unique: true, name: 'group_organisation' },
);

/** The sign-off collections, compiled on the store's connection with the others (`models.ts`). */
export interface SignoffModels {
  SignoffRequest: Model<SignoffRequestDoc>;
  Signatory: Model<SignatoryDoc>;
}

export function createSignoffModels(connection: Connection): SignoffModels {
  return {
    SignoffRequest: connection.model<SignoffRequestDoc>('SignoffRequest', signoffRequestSchema),
    Signatory: connection.model<SignatoryDoc>('Signatory', signatorySchema),
  };
}
