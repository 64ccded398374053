import { Schema, type Connection, type Model, type SchemaOptions, type Types } from 'mongoose';

/**
 * Collections, their documents and every index the store's queries use. Entity ids (UUID
 * strings) are the `_id`; rows without an id of their own (memberships, log entries, read
 * marks) get the default ObjectId and a unique compound index on their natural key.
 * Timestamps stay ISO-8601 strings, exactly as the port carries them: they sort and compare
 * as strings, the same way the SQLite adapter compares them.
 */

/** Every schema: no `__v`, no `id` virtual, unknown fields are errors, never silently kept. */
const base = {
  versionKey: false,
  id: false,
  strict: 'throw',
  strictQuery: 'throw',
  autoIndex: false,
  autoCreate: false,
} as const satisfies SchemaOptions;

const str = { type: String, required: true } as const;
/** A string that may be empty ('' fails Mongoose's `required` for strings). */
const text = { type: String, default: '' } as const;
const nullableStr = { type: String, default: null } as const;
/** Mongoose gives array paths an empty array by default. */
const strings = { type: [String] };
const int = { type: Number, required: true } as const;
/** Yjs bytes (BSON binary). Not `required`: Mongoose would reject an empty buffer. */
const bytes = { type: Buffer } as const;

export interface OrganisationDoc {
  _id: string;
  name: string;
  country: string;
  type: string;
}
const organisationSchema = new Schema<OrganisationDoc>(
  { _id: str, name: str, country: str, type: str },
  { ...base, collection: 'organisations' },
);
organisationSchema.index({ name: 1, _id: 1 }, { name: 'by_name' });

export interface UserDoc {
  _id: string;
  email: string;
  name: string;
  organisationId: string;
  isAdmin: boolean;
  language: string;
  passwordHash: string | null;
  createdAt: string;
}
const userSchema = new Schema<UserDoc>(
  {
    _id: str,
    email: str,
    name: str,
    organisationId: str,
    isAdmin: { type: Boolean, required: true },
    language: str,
    passwordHash: nullableStr,
    createdAt: str,
  },
  { ...base, collection: 'users' },
);
userSchema.index({ email: 1 }, { unique: true, name: 'email_unique' });
userSchema.index({ name: 1, _id: 1 }, { name: 'by_name' });

export interface WorkingGroupDoc {
  _id: string;
  name: string;
  description: string;
  thematicPriorities: string[];
}
const workingGroupSchema = new Schema<WorkingGroupDoc>(
  { _id: str, name: str, description: text, thematicPriorities: strings },
  { ...base, collection: 'workingGroups' },
);
workingGroupSchema.index({ name: 1, _id: 1 }, { name: 'by_name' });

export interface MembershipDoc {
  _id: Types.ObjectId;
  userId: string;
  workingGroupId: string;
  role: string;
}
const membershipSchema = new Schema<MembershipDoc>(
  { userId: str, workingGroupId: str, role: str },
  { ...base, collection: 'memberships' },
);
membershipSchema.index({ userId: 1, workingGroupId: 1 }, { unique: true, name: 'user_group' });
membershipSchema.index({ workingGroupId: 1, userId: 1 }, { name: 'by_group' });

export interface InvitationDoc {
  _id: string;
  tokenHash: string;
  email: string;
  organisationId: string;
  isAdmin: boolean;
  membership: { workingGroupId: string; role: string } | null;
  createdBy: string;
  createdAt: string;
  expiresAt: string;
  acceptedAt: string | null;
}
const invitationSchema = new Schema<InvitationDoc>(
  {
    _id: str,
    tokenHash: str,
    email: str,
    organisationId: str,
    isAdmin: { type: Boolean, required: true },
    membership: {
      type: new Schema(
        { workingGroupId: str, role: str },
        { _id: false, id: false, versionKey: false, strict: 'throw' },
      ),
      default: null,
    },
    createdBy: str,
    createdAt: str,
    expiresAt: str,
    acceptedAt: nullableStr,
  },
  { ...base, collection: 'invitations' },
);
invitationSchema.index({ tokenHash: 1 }, { unique: true, name: 'token_unique' });
// Pending: equality (acceptedAt null), then the sort, then the range on expiry.
invitationSchema.index({ acceptedAt: 1, createdAt: -1, expiresAt: 1 }, { name: 'pending' });

export interface SessionDoc {
  _id: string;
  userId: string | null;
  data: string;
  expiresAt: number;
}
const sessionSchema = new Schema<SessionDoc>(
  { _id: str, userId: nullableStr, data: text, expiresAt: int },
  { ...base, collection: 'sessions' },
);
sessionSchema.index({ userId: 1 }, { name: 'by_user' });
sessionSchema.index({ expiresAt: 1 }, { name: 'by_expiry' });

export interface DocumentDoc {
  _id: string;
  title: string;
  kind: string;
  workingGroupId: string;
  thematicPriorities: string[];
  countries: string[];
  language: string;
  status: string;
  ownerIds: string[];
  createdBy: string;
  createdAt: string;
  updatedAt: string;
}
const documentSchema = new Schema<DocumentDoc>(
  {
    _id: str,
    title: str,
    kind: str,
    workingGroupId: str,
    thematicPriorities: strings,
    countries: strings,
    language: str,
    status: str,
    ownerIds: strings,
    createdBy: str,
    createdAt: str,
    updatedAt: str,
  },
  { ...base, collection: 'documents' },
);
// The catalogue: newest first, by group, by status; array fields get their own (multikey) index
// because one compound index may not hold two arrays.
documentSchema.index({ updatedAt: -1, _id: 1 }, { name: 'by_update' });
documentSchema.index({ workingGroupId: 1, updatedAt: -1, _id: 1 }, { name: 'by_group' });
documentSchema.index({ status: 1, workingGroupId: 1 }, { name: 'by_status' });
documentSchema.index({ thematicPriorities: 1 }, { name: 'by_priority' });
documentSchema.index({ countries: 1 }, { name: 'by_country' });
// Ready for title search. Titles are in six languages, four of which MongoDB's text search has
// no stemmer for ('el', 'bg', 'sq'…): no stemming at all, and the language override is moved off
// our `language` field, which MongoDB would otherwise read and reject on insert.
documentSchema.index(
  { title: 'text' },
  { name: 'title_text', default_language: 'none', language_override: 'textSearchLanguage' },
);

/** The Yjs snapshot of a document, covering every log entry up to `lastSeq`. */
export interface SnapshotDoc {
  _id: string;
  state: Buffer;
  lastSeq: number;
}
const snapshotSchema = new Schema<SnapshotDoc>(
  { _id: str, state: bytes, lastSeq: int },
  { ...base, collection: 'documentSnapshots' },
);

/** One Yjs update of the log. */
export interface UpdateDoc {
  _id: Types.ObjectId;
  documentId: string;
  seq: number;
  update: Buffer;
}
const updateSchema = new Schema<UpdateDoc>(
  { documentId: str, seq: int, update: bytes },
  { ...base, collection: 'documentUpdates' },
);
updateSchema.index({ documentId: 1, seq: 1 }, { unique: true, name: 'document_seq' });

/** The last sequence number handed out per document (`$inc` reserves a range atomically). */
export interface CounterDoc {
  _id: string;
  seq: number;
}
const counterSchema = new Schema<CounterDoc>(
  { _id: str, seq: int },
  { ...base, collection: 'documentCounters' },
);

export interface ActivityDoc {
  _id: string;
  type: string;
  actorId: string;
  actorName: string;
  workingGroupId: string | null;
  documentId: string | null;
  documentTitle: string | null;
  at: string;
}
const activitySchema = new Schema<ActivityDoc>(
  {
    _id: str,
    type: str,
    actorId: str,
    actorName: text,
    workingGroupId: nullableStr,
    documentId: nullableStr,
    documentTitle: nullableStr,
    at: str,
  },
  { ...base, collection: 'activity' },
);
activitySchema.index({ at: -1, _id: -1 }, { name: 'by_time' });
activitySchema.index({ workingGroupId: 1, at: -1, _id: -1 }, { name: 'by_group' });
activitySchema.index({ documentId: 1, at: -1, _id: -1 }, { name: 'by_document' });

/**
 * A comment thread. `participants` (authors) and `mentioned` (everyone ever mentioned) are sets
 * kept on the thread itself: both are bounded by the workspace's users, and they change in the
 * same single-document update that records the message's activity.
 */
export interface ThreadDoc {
  _id: string;
  documentId: string;
  workingGroupId: string;
  priority: string;
  status: string;
  authorId: string;
  quote: string;
  anchorState: string;
  createdAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  lastActivityAt: string;
  lastActivityBy: string;
  messageCount: number;
  participants: string[];
  mentioned: string[];
}
const threadSchema = new Schema<ThreadDoc>(
  {
    _id: str,
    documentId: str,
    workingGroupId: str,
    priority: str,
    status: str,
    authorId: str,
    quote: text,
    anchorState: str,
    createdAt: str,
    resolvedAt: nullableStr,
    resolvedBy: nullableStr,
    lastActivityAt: str,
    lastActivityBy: str,
    messageCount: int,
    participants: strings,
    mentioned: strings,
  },
  { ...base, collection: 'threads' },
);
threadSchema.index({ documentId: 1, lastActivityAt: -1, _id: -1 }, { name: 'by_document' });
// The priority inbox: equality on priority and status, then newest activity first.
threadSchema.index({ priority: 1, status: 1, lastActivityAt: -1, _id: -1 }, { name: 'inbox' });
threadSchema.index(
  { participants: 1, priority: 1, status: 1, lastActivityAt: -1, _id: -1 },
  { name: 'inbox_mine' },
);
threadSchema.index(
  { mentioned: 1, priority: 1, status: 1, lastActivityAt: -1, _id: -1 },
  { name: 'inbox_mentioning' },
);
threadSchema.index({ status: 1, workingGroupId: 1, priority: 1 }, { name: 'counts' });

export interface MessageDoc {
  _id: string;
  threadId: string;
  authorId: string;
  body: string;
  mentions: string[];
  createdAt: string;
  editedAt: string | null;
  deletedAt: string | null;
}
const messageSchema = new Schema<MessageDoc>(
  {
    _id: str,
    threadId: str,
    authorId: str,
    body: text,
    mentions: strings,
    createdAt: str,
    editedAt: nullableStr,
    deletedAt: nullableStr,
  },
  { ...base, collection: 'threadMessages' },
);
// Oldest first for a thread; read backwards for the newest body that is not deleted.
messageSchema.index({ threadId: 1, createdAt: 1, _id: 1 }, { name: 'by_thread' });

/** When a user last read a thread. */
export interface ReadDoc {
  _id: Types.ObjectId;
  userId: string;
  threadId: string;
  readAt: string;
}
const readSchema = new Schema<ReadDoc>(
  { userId: str, threadId: str, readAt: str },
  { ...base, collection: 'threadReads' },
);
readSchema.index({ userId: 1, threadId: 1 }, { unique: true, name: 'user_thread' });
readSchema.index({ threadId: 1, userId: 1 }, { name: 'by_thread' });

export interface NotificationDoc {
  _id: string;
  userId: string;
  type: string;
  actorId: string;
  actorName: string;
  documentId: string;
  documentTitle: string;
  threadId: string | null;
  priority: string | null;
  excerpt: string;
  createdAt: string;
  readAt: string | null;
}
const notificationSchema = new Schema<NotificationDoc>(
  {
    _id: str,
    userId: str,
    type: str,
    actorId: str,
    actorName: text,
    documentId: str,
    documentTitle: text,
    threadId: nullableStr,
    priority: nullableStr,
    excerpt: text,
    createdAt: str,
    readAt: nullableStr,
  },
  { ...base, collection: 'notifications' },
);
notificationSchema.index({ userId: 1, createdAt: -1, _id: -1 }, { name: 'by_user' });
// Unread lists and counts: `readAt: null` is an equality, so it sits in the index prefix.
notificationSchema.index({ userId: 1, readAt: 1, createdAt: -1, _id: -1 }, { name: 'unread' });

/**
 * A version's metadata. The Yjs bytes live in `versionStates`, so that listing a history of a
 * thousand versions reads no bytes at all.
 */
export interface VersionDoc {
  _id: string;
  documentId: string;
  number: number;
  name: string | null;
  kind: string;
  createdAt: string;
  createdBy: string | null;
  contributors: { userId: string; organisationId: string }[];
  documentStatus: string;
  sourceVersionId: string | null;
  stateVector: string;
  contentHash: string;
}
const contributorSchema = new Schema(
  { userId: str, organisationId: str },
  { _id: false, id: false, versionKey: false, strict: 'throw' },
);
const versionSchema = new Schema<VersionDoc>(
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
  },
  { ...base, collection: 'documentVersions' },
);
// Numbers are unique per document (a concurrent second writer retries with the next), and the
// history is read newest first.
versionSchema.index({ documentId: 1, number: -1 }, { unique: true, name: 'document_number' });

/** The Yjs state of one version, keyed by the version's id. */
export interface VersionStateDoc {
  _id: string;
  state: Buffer;
}
const versionStateSchema = new Schema<VersionStateDoc>(
  { _id: str, state: bytes },
  { ...base, collection: 'versionStates' },
);

export interface ReviewerDoc {
  userId: string;
  verdict: string | null;
  summary: string | null;
  givenAt: string | null;
}
/** A review round with its reviewers and their verdicts embedded (a round has at most 30). */
export interface ReviewDoc {
  _id: string;
  documentId: string;
  workingGroupId: string;
  round: number;
  versionId: string;
  requestedBy: string;
  requestedAt: string;
  dueDate: string;
  message: string;
  reviewers: ReviewerDoc[];
  state: string;
  closedAt: string | null;
  reminderSentAt: string | null;
}
const reviewerSchema = new Schema<ReviewerDoc>(
  { userId: str, verdict: nullableStr, summary: nullableStr, givenAt: nullableStr },
  { _id: false, id: false, versionKey: false, strict: 'throw' },
);
const reviewSchema = new Schema<ReviewDoc>(
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
  },
  { ...base, collection: 'reviews' },
);
reviewSchema.index({ documentId: 1, round: -1 }, { unique: true, name: 'document_round' });
// The reminder sweep: equality on state and reminderSentAt (null), then the range on the due date.
reviewSchema.index({ state: 1, reminderSentAt: 1, dueDate: 1 }, { name: 'due' });

export interface PublicationDoc {
  _id: string;
  documentId: string;
  versionId: string;
  publishedAt: string;
  publishedBy: string;
}
const publicationSchema = new Schema<PublicationDoc>(
  { _id: str, documentId: str, versionId: str, publishedAt: str, publishedBy: str },
  { ...base, collection: 'publications' },
);
publicationSchema.index({ documentId: 1, publishedAt: -1, _id: -1 }, { name: 'by_document' });

export interface Models {
  Organisation: Model<OrganisationDoc>;
  User: Model<UserDoc>;
  WorkingGroup: Model<WorkingGroupDoc>;
  Membership: Model<MembershipDoc>;
  Invitation: Model<InvitationDoc>;
  Session: Model<SessionDoc>;
  Document: Model<DocumentDoc>;
  Snapshot: Model<SnapshotDoc>;
  Update: Model<UpdateDoc>;
  Counter: Model<CounterDoc>;
  Activity: Model<ActivityDoc>;
  Thread: Model<ThreadDoc>;
  Message: Model<MessageDoc>;
  Read: Model<ReadDoc>;
  Notification: Model<NotificationDoc>;
  Version: Model<VersionDoc>;
  VersionState: Model<VersionStateDoc>;
  Review: Model<ReviewDoc>;
  Publication: Model<PublicationDoc>;
}

/** Compiles every model on this connection (models are per connection, never global). */
export function createModels(connection: Connection): Models {
  return {
    Organisation: connection.model<OrganisationDoc>('Organisation', organisationSchema),
    User: connection.model<UserDoc>('User', userSchema),
    WorkingGroup: connection.model<WorkingGroupDoc>('WorkingGroup', workingGroupSchema),
    Membership: connection.model<MembershipDoc>('Membership', membershipSchema),
    Invitation: connection.model<InvitationDoc>('Invitation', invitationSchema),
    Session: connection.model<SessionDoc>('Session', sessionSchema),
    Document: connection.model<DocumentDoc>('Document', documentSchema),
    Snapshot: connection.model<SnapshotDoc>('Snapshot', snapshotSchema),
    Update: connection.model<UpdateDoc>('Update', updateSchema),
    Counter: connection.model<CounterDoc>('Counter', counterSchema),
    Activity: connection.model<ActivityDoc>('Activity', activitySchema),
    Thread: connection.model<ThreadDoc>('Thread', threadSchema),
    Message: connection.model<MessageDoc>('Message', messageSchema),
    Read: connection.model<ReadDoc>('Read', readSchema),
    Notification: connection.model<NotificationDoc>('Notification', notificationSchema),
    Version: connection.model<VersionDoc>('Version', versionSchema),
    VersionState: connection.model<VersionStateDoc>('VersionState', versionStateSchema),
    Review: connection.model<ReviewDoc>('Review', reviewSchema),
    Publication: connection.model<PublicationDoc>('Publication', publicationSchema),
  };
}

/**
 * Creates the collections and brings their indexes in line with the schemas: missing ones are
 * built, ones no schema declares are dropped. Run once at start (`MongoStore.open`).
 */
export async function syncIndexes(models: Models): Promise<void> {
  for (const model of Object.values(models) as Model<unknown>[]) {
    await model.createCollection();
    await model.syncIndexes();
  }
}
