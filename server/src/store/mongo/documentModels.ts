import type { Activity, PoliDocument } from '@polisee/domain';
import { Schema, type Types } from 'mongoose';
import {
  base,
  bytes,
  inlineState,
  int,
  nullableStr,
  stateFile,
  str,
  strings,
  text,
  type SchemaPaths,
  type Stored,
} from './modelParts.js';
import type { StoredStateRef } from './largeStates.js';

/** Documents, their Yjs state (snapshot, update log, sequence counter) and the activity feed. */

export type DocumentDoc = Stored<PoliDocument>;
export const documentSchema = new Schema<DocumentDoc>(
  {
    _id: str,
    title: str,
    kind: str,
    workingGroupId: str,
    thematicPriorities: strings,
    countries: strings,
    tags: strings,
    language: str,
    status: str,
    ownerIds: strings,
    suggestOnlyIds: strings,
    createdBy: str,
    createdAt: str,
    updatedAt: str,
  } satisfies SchemaPaths<DocumentDoc>,
  { ...base, collection: 'documents' },
);
// The catalogue: newest first, by group, by status; array fields get their own (multikey) index
// because one compound index may not hold two arrays.
documentSchema.index({ updatedAt: -1, _id: 1 }, { name: 'by_update' });
documentSchema.index({ workingGroupId: 1, updatedAt: -1, _id: 1 }, { name: 'by_group' });
documentSchema.index({ status: 1, workingGroupId: 1 }, { name: 'by_status' });
documentSchema.index({ thematicPriorities: 1 }, { name: 'by_priority' });
documentSchema.index({ countries: 1 }, { name: 'by_country' });
// No text index: nothing searches titles. The former `title_text` stays on databases made
// before issue 14 until `npm run store:migrate` drops it. A text index added back must keep
// `language_override` off our `language` field: MongoDB would read it and reject 'el', 'bg', 'sq'.

/**
 * The Yjs snapshot of a document, covering every log entry up to `lastSeq`. Storage only (the
 * port's `StoredDocumentState` assembles it with the log), so its shape is declared here.
 */
export interface SnapshotDoc extends StoredStateRef {
  _id: string;
  state: Buffer | null;
  stateFile: Types.ObjectId | null;
  lastSeq: number;
  /** The fencing token of the compaction that wrote it (scale-out); absent before any. */
  fence?: number;
}
export const snapshotSchema = new Schema<SnapshotDoc>(
  {
    _id: str,
    state: inlineState,
    stateFile,
    lastSeq: int,
    fence: { type: Number },
  } satisfies SchemaPaths<SnapshotDoc>,
  { ...base, collection: 'documentSnapshots' },
);

/** One Yjs update of the log. */
export interface UpdateDoc {
  _id: Types.ObjectId;
  documentId: string;
  seq: number;
  update: Buffer;
}
export const updateSchema = new Schema<UpdateDoc>(
  { documentId: str, seq: int, update: bytes } satisfies SchemaPaths<Omit<UpdateDoc, '_id'>>,
  { ...base, collection: 'documentUpdates' },
);
updateSchema.index({ documentId: 1, seq: 1 }, { unique: true, name: 'document_seq' });

/** The last sequence number handed out per document (`$inc` reserves a range atomically). */
export interface CounterDoc {
  _id: string;
  seq: number;
}
export const counterSchema = new Schema<CounterDoc>(
  { _id: str, seq: int } satisfies SchemaPaths<CounterDoc>,
  { ...base, collection: 'documentCounters' },
);

export type ActivityDoc = Stored<Activity>;
export const activitySchema = new Schema<ActivityDoc>(
  {
    _id: str,
    type: str,
    actorId: str,
    actorName: text,
    workingGroupId: nullableStr,
    documentId: nullableStr,
    documentTitle: nullableStr,
    at: str,
  } satisfies SchemaPaths<ActivityDoc>,
  { ...base, collection: 'activity' },
);
activitySchema.index({ at: -1, _id: -1 }, { name: 'by_time' });
activitySchema.index({ workingGroupId: 1, at: -1, _id: -1 }, { name: 'by_group' });
activitySchema.index({ documentId: 1, at: -1, _id: -1 }, { name: 'by_document' });
