import type {
  Activity,
  AuditEntry,
  ClientBinding,
  Contribution,
  Signatory,
  SignoffRequest,
  AssessmentRound,
  AssessmentScore,
  Attendance,
  Ballot,
  Poll,
  Workshop,
  WorkshopOutcome,
  CommentThread,
  DocumentVersion,
  Publication,
  Review,
  ReviewVerdict,
  Notification,
  ThreadMessage,
  ThreadStatus,
  DocumentKind,
  DocumentStatus,
  Language,
  Membership,
  MembershipRole,
  Organisation,
  PoliDocument,
  ThematicPriority,
  User,
  WorkingGroup,
} from '@polisee/domain';
import type { Invitation } from '@polisee/contracts';
import type { WorkshopRepo } from '../workshops/store/port.js';
import type { AssessmentRepo } from '../assessments/store/port.js';
import type { SearchRepo } from '../search/store/port.js';
import type { DocumentLink, KnowledgeRepo } from '../knowledge/store/port.js';
import type { SignoffRepo } from '../signoffs/store/port.js';
import type { AuditRepo } from '../audit/store/port.js';
import type { AttributionRepo } from '../attribution/store/port.js';

/**
 * The store port: everything the services need from storage, and nothing about how it is kept.
 * Adapters (`SqliteStore`, `MongoStore`) implement it and must pass `contract.test.ts`.
 * Yjs state crosses this boundary as bytes only.
 */
export interface Store {
  readonly organisations: OrganisationRepo;
  readonly users: UserRepo;
  readonly workingGroups: WorkingGroupRepo;
  readonly memberships: MembershipRepo;
  readonly invitations: InvitationRepo;
  readonly sessions: SessionRepo;
  readonly documents: DocumentRepo;
  readonly documentState: DocumentStateRepo;
  readonly activity: ActivityRepo;
  readonly threads: ThreadRepo;
  readonly notifications: NotificationRepo;
  readonly versions: VersionRepo;
  readonly reviews: ReviewRepo;
  readonly publications: PublicationRepo;
  /** Workshops, their polls, ballots, outcomes and attendance (port in `workshops/store/`). */
  readonly workshops: WorkshopRepo;
  /** Assessment matrices' rounds and private scores (port in `assessments/store/`). */
  readonly assessments: AssessmentRepo;
  /** The search index: derived data, never exported (port in `search/store/`, decision 0055). */
  readonly search: SearchRepo;
  /** Links between documents and published summaries: derived from versions (`knowledge/store/`, decision 0062). */
  readonly knowledge: KnowledgeRepo;
  /** Signatories and consent sign-off requests (port in `signoffs/store/`, decision 0065). */
  readonly signoffs: SignoffRepo;
  /** The append-only audit log (port in `audit/store/`, decision 0061). */
  readonly audit: AuditRepo;
  /** The contribution ledger and Yjs client bindings (port in `attribution/store/`, decision 0069). */
  readonly attribution: AttributionRepo;
  /** True when the workspace holds no user at all (first start: time to seed). */
  isEmpty(): Promise<boolean>;
  /**
   * Reads everything the store holds except sessions, for `store:copy` and backups: the kinds in
   * `EXPORT_KINDS` order (what a record refers to comes first), each kind ordered by id
   * (memberships by user then group). Lazy: a consumer may stop after the first record.
   */
  exportAll(): AsyncIterable<ExportRecord>;
  close(): Promise<void>;
}

/** The kinds of `exportAll`, in the order they are produced (and must be imported). */
export const EXPORT_KINDS = [
  'organisation',
  'user',
  'workingGroup',
  'membership',
  'invitation',
  'document',
  'activity',
  'thread',
  'notification',
  'version',
  'review',
  'publication',
  'workshop',
  'assessment',
  'signatory',
  'signoff',
  'attribution',
  'knowledge',
  'audit',
] as const;
export type ExportKind = (typeof EXPORT_KINDS)[number];

/** A thread with everything that belongs only to it. */
export interface ExportedThread {
  thread: CommentThread;
  /** Oldest first, as `ThreadRepo.messages`. */
  messages: ThreadMessage[];
  /** Sorted, as `ThreadRepo.participants`. */
  participants: string[];
  /** Everyone ever mentioned in the thread (what `mentioning` inboxes match), sorted. */
  mentions: string[];
  /** Read marks, by user id. */
  reads: { userId: string; readAt: string }[];
}

/** A workshop with everything that belongs only to it. */
export interface ExportedWorkshop {
  workshop: Workshop;
  /** Oldest first, as `WorkshopRepo.listPolls`, each with its ballots ordered by voter. */
  polls: { poll: Poll; ballots: Ballot[] }[];
  /** Oldest first, as `WorkshopRepo.listOutcomes`. */
  outcomes: WorkshopOutcome[];
  /** Oldest first, as `WorkshopRepo.listAttendance`. */
  attendance: Attendance[];
}

/** A matrix's rounds and scores (the matrix itself is in its document). */
export interface ExportedAssessment {
  documentId: string;
  matrixId: string;
  /** Round 1 first, as `AssessmentRepo.listRounds`. */
  rounds: AssessmentRound[];
  /** As `AssessmentRepo.listScores`. */
  scores: AssessmentScore[];
}

export type ExportRecord =
  | { kind: 'organisation'; value: Organisation }
  | { kind: 'user'; value: StoredUser }
  | { kind: 'workingGroup'; value: WorkingGroup }
  | { kind: 'membership'; value: Membership }
  | { kind: 'invitation'; value: StoredInvitation }
  | { kind: 'document'; value: PoliDocument; state: StoredDocumentState }
  | { kind: 'activity'; value: Activity }
  | { kind: 'thread'; value: ExportedThread }
  | { kind: 'notification'; value: Notification }
  | { kind: 'version'; value: DocumentVersion; state: Uint8Array }
  | { kind: 'review'; value: Review }
  | { kind: 'publication'; value: Publication }
  | { kind: 'workshop'; value: ExportedWorkshop }
  | { kind: 'assessment'; value: ExportedAssessment }
  | { kind: 'signatory'; value: Signatory }
  | { kind: 'signoff'; value: SignoffRequest }
  | { kind: 'attribution'; value: ExportedAttribution }
  | { kind: 'knowledge'; value: ExportedKnowledge }
  | { kind: 'audit'; value: AuditEntry };

/** The links pointing at a document (as `KnowledgeRepo.linksTo`) and its versions' summaries. */
export interface ExportedKnowledge {
  documentId: string;
  linkedFrom: DocumentLink[];
  /** By version id. */
  summaries: { versionId: string; summary: string }[];
}

/** A document's contribution ledger (oldest first) and its Yjs client bindings (by client id). */
export interface ExportedAttribution {
  documentId: string;
  contributions: Contribution[];
  bindings: ClientBinding[];
}

export interface OrganisationRepo {
  create(org: Organisation): Promise<void>;
  get(id: string): Promise<Organisation | null>;
  list(): Promise<Organisation[]>;
}

/** A user as stored: the public user plus the password hash (null until an invitation is accepted). */
export interface StoredUser extends User {
  passwordHash: string | null;
}

export interface UserRepo {
  /** Fails with a `conflict` AppError when the email is taken. */
  create(user: StoredUser): Promise<void>;
  get(id: string): Promise<StoredUser | null>;
  getByEmail(email: string): Promise<StoredUser | null>;
  list(): Promise<User[]>;
  update(
    id: string,
    patch: Partial<Pick<StoredUser, 'name' | 'language' | 'passwordHash' | 'isAdmin'>>,
  ): Promise<void>;
}

export interface WorkingGroupRepo {
  create(group: WorkingGroup): Promise<void>;
  get(id: string): Promise<WorkingGroup | null>;
  list(): Promise<WorkingGroup[]>;
  update(id: string, patch: Partial<Omit<WorkingGroup, 'id'>>): Promise<void>;
}

export interface MembershipRepo {
  /** Creates the membership or changes its role. */
  set(membership: Membership): Promise<void>;
  remove(userId: string, workingGroupId: string): Promise<void>;
  listForUser(userId: string): Promise<Membership[]>;
  listForGroup(workingGroupId: string): Promise<Membership[]>;
  countByGroup(): Promise<Map<string, number>>;
}

export interface StoredInvitation extends Invitation {
  /** SHA-256 of the token; the token itself is never stored. */
  tokenHash: string;
  /** Whether the invitee's role in `membership` should be granted, etc. lives in `Invitation`. */
}

/** The account an accepted invitation creates, with its working-group membership if any. */
export interface InvitedAccount {
  user: StoredUser;
  membership: Membership | null;
}

export interface InvitationRepo {
  create(invitation: StoredInvitation): Promise<void>;
  getByTokenHash(tokenHash: string): Promise<StoredInvitation | null>;
  /**
   * Uses the invitation and creates its account in one step: the invitation counts as used only
   * if the account now exists. Returns false when the invitation was used first; fails with a
   * `conflict` AppError when the email is taken, and the invitation stays unused.
   */
  accept(id: string, at: string, account: InvitedAccount): Promise<boolean>;
  listPending(now: string): Promise<Invitation[]>;
}

export interface SessionRecord {
  sid: string;
  userId: string | null;
  data: string;
  expiresAt: number;
}

export interface SessionRepo {
  get(sid: string, now: number): Promise<SessionRecord | null>;
  set(record: SessionRecord): Promise<void>;
  touch(sid: string, expiresAt: number): Promise<void>;
  destroy(sid: string): Promise<void>;
  /** Ends every session of a user except `keepSid` (after a password change). */
  destroyForUser(userId: string, keepSid?: string): Promise<void>;
  purgeExpired(now: number): Promise<number>;
}

export interface DocumentFilterQuery {
  /** Only documents of these working groups (the ones the reader may read); undefined = all. */
  workingGroupIds?: string[];
  workingGroupId?: string;
  priority?: ThematicPriority;
  kind?: DocumentKind;
  status?: DocumentStatus;
  country?: string;
  includeArchived?: boolean;
}

export interface DocumentRepo {
  /** Stores the metadata and the initial Yjs state together, or neither. */
  create(doc: PoliDocument, initialState: Uint8Array): Promise<void>;
  get(id: string): Promise<PoliDocument | null>;
  list(filter: DocumentFilterQuery): Promise<PoliDocument[]>;
  update(
    id: string,
    patch: Partial<
      Pick<
        PoliDocument,
        | 'title'
        | 'thematicPriorities'
        | 'countries'
        | 'tags'
        | 'status'
        | 'suggestOnlyIds'
        | 'updatedAt'
      >
    >,
  ): Promise<void>;
}

/** A document's Yjs state: the latest snapshot plus the log entries written after it. */
export interface StoredDocumentState {
  snapshot: Uint8Array | null;
  /** Sequence of the last update the snapshot covers (0 when there is none). */
  snapshotSeq: number;
  updates: { seq: number; update: Uint8Array }[];
}

export interface DocumentStateRepo {
  /** Appends updates to the log in one write; returns the sequence of the last. */
  append(documentId: string, updates: Uint8Array[]): Promise<number>;
  load(documentId: string): Promise<StoredDocumentState | null>;
  /**
   * Replaces the snapshot by one covering every update up to `upToSeq`, then drops those
   * updates; true when done. Refused (false, nothing changed) when the snapshot in place covers
   * as much already, or, given a `fence` (the token of a compaction lease, scale-out), when a
   * compaction under the same or a later token has landed.
   */
  compact(
    documentId: string,
    snapshot: Uint8Array,
    upToSeq: number,
    fence?: number,
  ): Promise<boolean>;
}

export interface ActivityRepo {
  add(activity: Activity): Promise<void>;
  /** Newest first, limited to these working groups (undefined = all). */
  list(query: {
    workingGroupIds?: string[];
    documentId?: string;
    limit: number;
  }): Promise<Activity[]>;
}

export interface ThreadFilter {
  priority?: ThematicPriority;
  status?: ThreadStatus;
}

/** A page of results, newest activity first; `nextCursor` is null on the last page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export interface InboxQuery {
  userId: string;
  /** Working groups the user may read; undefined = all (admins). */
  workingGroupIds?: string[];
  priority: ThematicPriority;
  status: ThreadStatus;
  /** Only threads the user started or wrote in. */
  mine?: boolean;
  /** Only threads with a message mentioning the user. */
  mentioning?: boolean;
  limit: number;
  cursor?: string;
}

export interface InboxRow {
  thread: CommentThread;
  documentTitle: string;
  /** Activity by someone else since the user last read the thread (or never read it). */
  unread: boolean;
  /** Body of the newest message that is not deleted ('' when there is none). */
  lastBody: string;
}

export interface PriorityCounts {
  priority: ThematicPriority;
  open: number;
  unread: number;
}

export interface ThreadRepo {
  /** Stores the thread with its first message, or neither. */
  create(thread: CommentThread, firstMessage: ThreadMessage): Promise<void>;
  get(id: string): Promise<CommentThread | null>;
  /** Threads of a document with their messages (oldest message first), newest activity first. */
  listForDocument(
    documentId: string,
    filter: ThreadFilter,
  ): Promise<{ thread: CommentThread; messages: ThreadMessage[] }[]>;
  messages(threadId: string): Promise<ThreadMessage[]>;
  getMessage(threadId: string, messageId: string): Promise<ThreadMessage | null>;
  /**
   * Appends a message and sets the thread's last activity (and message count), or neither.
   * The author becomes a participant.
   */
  addMessage(message: ThreadMessage): Promise<void>;
  updateMessage(
    threadId: string,
    messageId: string,
    patch: Pick<ThreadMessage, 'body' | 'mentions' | 'editedAt' | 'deletedAt'>,
  ): Promise<void>;
  update(
    id: string,
    patch: Partial<
      Pick<
        CommentThread,
        | 'priority'
        | 'status'
        | 'resolvedAt'
        | 'resolvedBy'
        | 'anchorState'
        | 'lastActivityAt'
        | 'lastActivityBy'
      >
    >,
  ): Promise<void>;
  /** Users who started the thread or wrote in it. */
  participants(threadId: string): Promise<string[]>;
  /** Threads of a document that hang on text (anchored or orphaned), for the anchor tracker. */
  listAnchorStates(
    documentId: string,
  ): Promise<{ id: string; anchorState: CommentThread['anchorState'] }[]>;
  markRead(userId: string, threadId: string, at: string): Promise<void>;
  inbox(query: InboxQuery): Promise<Page<InboxRow>>;
  /** Open and unread thread counts for each of the six priorities, over readable documents. */
  inboxCounts(query: { userId: string; workingGroupIds?: string[] }): Promise<PriorityCounts[]>;
}

export interface NotificationRepo {
  addMany(notifications: Notification[]): Promise<void>;
  /** Newest first. */
  list(query: {
    userId: string;
    unreadOnly?: boolean;
    limit: number;
    cursor?: string;
  }): Promise<Page<Notification>>;
  unreadCount(userId: string): Promise<number>;
  /** Marks the given notifications of this user read (all when `ids` is undefined); returns how many changed. */
  markRead(userId: string, ids: string[] | undefined, at: string): Promise<number>;
}

/** A version to store: its number is the store's to give, except when store:copy keeps one. */
export type NewVersion = Omit<DocumentVersion, 'number'> & { number?: number };

export interface VersionRepo {
  /**
   * Stores a version's metadata and its Yjs state together, numbered after the document's last
   * version (1 for the first) unless `number` is given (store:copy). Versions are never changed
   * or deleted.
   */
  create(version: NewVersion, state: Uint8Array): Promise<DocumentVersion>;
  get(id: string): Promise<DocumentVersion | null>;
  /** Newest (highest number) first, numbers below `before`; metadata only, never the bytes. */
  list(documentId: string, query: { limit: number; before?: number }): Promise<DocumentVersion[]>;
  /** The Yjs state of one version (`Y.encodeStateAsUpdate` when it was taken). */
  state(id: string): Promise<Uint8Array | null>;
}

export interface ReviewRepo {
  /**
   * Stores a review round with its reviewers (and their verdicts, when store:copy brings them).
   * A new open round closes the document's other open rounds (one open round per document).
   * Fails with a `conflict` AppError when the document already has a round with that number.
   */
  create(review: Review): Promise<void>;
  get(id: string): Promise<Review | null>;
  /** Newest round first. */
  listForDocument(documentId: string): Promise<Review[]>;
  /**
   * Records a reviewer's verdict if they have none yet on that round. False when they already
   * gave one, or are not one of its reviewers.
   */
  setVerdict(
    reviewId: string,
    userId: string,
    verdict: { verdict: ReviewVerdict; summary: string; givenAt: string },
  ): Promise<boolean>;
  /** Closes the document's open rounds (publication). */
  closeOpen(documentId: string, at: string): Promise<void>;
  /** Open rounds whose reminder has not gone out, due at or before `dueBy`. */
  listDueForReminder(dueBy: string): Promise<Review[]>;
  /** Marks the reminder sent unless it already was: false when someone else did it first. */
  markReminded(id: string, at: string): Promise<boolean>;
}

export interface PublicationRepo {
  add(publication: Publication): Promise<void>;
  /** The document's latest publication: the one `GET /documents/:id/published` serves. */
  latest(documentId: string): Promise<Publication | null>;
}

export type { Language, MembershipRole };
