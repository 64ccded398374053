import type {
  DocumentVersion,
  Publication,
  Review,
  Reviewer,
  VersionContributor,
} from '@polisee/domain';
import { Schema, type Types } from 'mongoose';
import {
  base,
  embedded,
  inlineState,
  int,
  nullableStr,
  stateFile,
  str,
  text,
  type SchemaPaths,
  type Stored,
} from './modelParts.js';
import type { StoredStateRef } from './largeStates.js';

/** Versions and their Yjs states, review rounds, publications. */

/**
 * A version's metadata. The Yjs bytes live in `versionStates`, so that listing a history of a
 * thousand versions reads no bytes at all.
 */
export type VersionDoc = Stored<DocumentVersion>;
const contributorSchema = new Schema<VersionContributor>(
  { userId: str, organisationId: str } satisfies SchemaPaths<VersionContributor>,
  embedded,
);
export const versionSchema = new Schema<VersionDoc>(
  {
    _id: str,
    documentId: str,
    number: int,
    name: nullableStr,
    kind: str,
    createdAt: str,
    createdBy: nullableStr,
    contributors: { type: [contributorSchema], default: [] },
    documentStatus: str,
    sourceVersionId: nullableStr,
    stateVector: text,
    contentHash: str,
  } satisfies SchemaPaths<VersionDoc>,
  { ...base, collection: 'documentVersions' },
);
// Numbers are unique per document (a concurrent second writer retries with the next), and the
// history is read newest first.
versionSchema.index({ documentId: 1, number: -1 }, { unique: true, name: 'document_number' });

/** The Yjs state of one version, keyed by the version's id (storage only: bytes). */
export interface VersionStateDoc extends StoredStateRef {
  _id: string;
  state: Buffer | null;
  stateFile: Types.ObjectId | null;
}
export const versionStateSchema = new Schema<VersionStateDoc>(
  { _id: str, state: inlineState, stateFile } satisfies SchemaPaths<VersionStateDoc>,
  { ...base, collection: 'versionStates' },
);

/** A review round with its reviewers and their verdicts embedded (a round has at most 30). */
export type ReviewDoc = Stored<Review>;
const reviewerSchema = new Schema<Reviewer>(
  {
    userId: str,
    verdict: nullableStr,
    summary: nullableStr,
    givenAt: nullableStr,
  } satisfies SchemaPaths<Reviewer>,
  embedded,
);
export const reviewSchema = new Schema<ReviewDoc>(
  {
    _id: str,
    documentId: str,
    workingGroupId: str,
    round: int,
    versionId: str,
    requestedBy: str,
    requestedAt: str,
    dueDate: str,
    message: text,
    reviewers: { type: [reviewerSchema], default: [] },
    state: str,
    closedAt: nullableStr,
    reminderSentAt: nullableStr,
  } satisfies SchemaPaths<ReviewDoc>,
  { ...base, collection: 'reviews' },
);
reviewSchema.index({ documentId: 1, round: -1 }, { unique: true, name: 'document_round' });
// The reminder sweep: equality on state and reminderSentAt (null), then the range on the due date.
reviewSchema.index({ state: 1, reminderSentAt: 1, dueDate: 1 }, { name: 'due' });

export type PublicationDoc = Stored<Publication>;
export const publicationSchema = new Schema<PublicationDoc>(
  {
    _id: str,
    documentId: str,
    versionId: str,
    publishedAt: str,
    publishedBy: str,
  } satisfies SchemaPaths<PublicationDoc>,
  { ...base, collection: 'publications' },
);
publicationSchema.index({ documentId: 1, publishedAt: -1, _id: -1 }, { name: 'by_document' });
