import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { LanguageSchema } from './languages.js';
import { ThematicPrioritySchema } from './priorities.js';
import { multiLineText, singleLineText } from './userText.js';

/**
 * Online workshops: a facilitated live session of a working group on its documents. The
 * workshop record holds its plan (agenda, people, linked documents) and its live state (current
 * item, timer, raised hands), so a reload, a reconnect or a server restart finds it as it was.
 */

export const WORKSHOP_STATUSES = ['scheduled', 'live', 'ended'] as const;
export const WorkshopStatusSchema = z.enum(WORKSHOP_STATUSES);
export type WorkshopStatus = z.infer<typeof WorkshopStatusSchema>;

/** Limits, each with its reason. */
export const WORKSHOP_LIMITS = {
  titleChars: 200,
  purposeChars: 2000,
  /** A day-long workshop in 10-minute slots. */
  agendaItems: 40,
  /** One item never runs longer than a working day. */
  itemMinutes: 480,
  /** The lead and whoever they name; more is a committee, not facilitation. */
  facilitators: 10,
  /** Guests from other groups: a large plenary, with room to spare. */
  guests: 200,
  linkedDocuments: 10,
  /** The timer counts down at most a whole item. */
  timerMinutes: 480,
  pollQuestionChars: 300,
  pollOptions: 20,
  optionChars: 300,
  /** Dots each voter places in a dot vote. */
  dots: 20,
  /** A poll left open this long has been forgotten. */
  pollMinutes: 120,
  decisionChars: 2000,
  /** Decisions and actions per workshop: bounds one record's growth. */
  outcomes: 500,
} as const;

export const WorkshopTitleSchema = singleLineText({ max: WORKSHOP_LIMITS.titleChars });
export const WorkshopPurposeSchema = multiLineText({
  max: WORKSHOP_LIMITS.purposeChars,
  allowEmpty: true,
});
export const AgendaItemTitleSchema = singleLineText({ max: WORKSHOP_LIMITS.titleChars });
export const PollQuestionSchema = singleLineText({ max: WORKSHOP_LIMITS.pollQuestionChars });
export const PollOptionTextSchema = singleLineText({ max: WORKSHOP_LIMITS.optionChars });
export const OutcomeTextSchema = multiLineText({ max: WORKSHOP_LIMITS.decisionChars });

/**
 * A Yjs relative position (`Y.encodeRelativePosition`) in base64, at the start of a heading of a
 * linked document: it names the heading itself, so it survives any edit around it.
 */
export const SectionAnchorSchema = z
  .string()
  .min(4)
  .max(256)
  .regex(/^[A-Za-z0-9+/]+={0,2}$/, 'must be base64');

/** Where an agenda item lives in the documents: a heading of a linked document. */
export const AgendaSectionSchema = z.object({
  documentId: IdSchema,
  anchor: SectionAnchorSchema,
  /** The heading's text when it was chosen, shown while the document is not loaded. */
  heading: z.string(),
});
export type AgendaSection = z.infer<typeof AgendaSectionSchema>;

export const AgendaItemSchema = z.object({
  id: IdSchema,
  title: z.string(),
  /** Planned duration. */
  minutes: z.number().int().min(1).max(WORKSHOP_LIMITS.itemMinutes),
  section: AgendaSectionSchema.nullable(),
  priority: ThematicPrioritySchema.nullable(),
  /** Time actually spent on the item so far, over every visit, in whole seconds. */
  spentSeconds: z.number().int().nonnegative(),
});
export type AgendaItem = z.infer<typeof AgendaItemSchema>;

/**
 * The shared countdown, held by the server. Running: `runningSince` is set and the time left is
 * `remainingMs - (now - runningSince)`. Paused or not started: `runningSince` is null.
 */
export const WorkshopTimerSchema = z.object({
  durationMs: z.number().int().nonnegative(),
  remainingMs: z.number().int(),
  runningSince: IsoDateTimeSchema.nullable(),
});
export type WorkshopTimer = z.infer<typeof WorkshopTimerSchema>;

export const RaisedHandSchema = z.object({ userId: IdSchema, raisedAt: IsoDateTimeSchema });
export type RaisedHand = z.infer<typeof RaisedHandSchema>;

export const WorkshopSchema = z.object({
  id: IdSchema,
  workingGroupId: IdSchema,
  title: z.string(),
  purpose: z.string(),
  language: LanguageSchema,
  startsAt: IsoDateTimeSchema,
  endsAt: IsoDateTimeSchema,
  status: WorkshopStatusSchema,
  facilitatorIds: z.array(IdSchema),
  /** Members of other groups invited to this workshop only. */
  guestIds: z.array(IdSchema),
  /** Documents of the group worked on in the workshop (the notes document is one of them). */
  documentIds: z.array(IdSchema),
  notesDocumentId: IdSchema,
  agenda: z.array(AgendaItemSchema),
  /** Index into `agenda` of the item under way; null before the first and after the end. */
  currentItem: z.number().int().nonnegative().nullable(),
  /** When the current item was last entered (for `spentSeconds`). */
  currentItemSince: IsoDateTimeSchema.nullable(),
  timer: WorkshopTimerSchema,
  /** In the order they were raised. */
  hands: z.array(RaisedHandSchema),
  /** Whether observers may vote (voting is taking part, not editing): on unless turned off. */
  observersMayVote: z.boolean(),
  createdBy: IdSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
  startedAt: IsoDateTimeSchema.nullable(),
  endedAt: IsoDateTimeSchema.nullable(),
});
export type Workshop = z.infer<typeof WorkshopSchema>;

export const POLL_KINDS = ['single', 'multiple', 'dots', 'score'] as const;
export const PollKindSchema = z.enum(POLL_KINDS);
export type PollKind = z.infer<typeof PollKindSchema>;

export const POLL_STATUSES = ['open', 'closed'] as const;
export const PollStatusSchema = z.enum(POLL_STATUSES);
export type PollStatus = z.infer<typeof PollStatusSchema>;

export const PollOptionSchema = z.object({ id: IdSchema, text: z.string() });

/** Dots in a dot vote: each voter's, or the cap on one option. */
export const DotCountSchema = z.number().int().min(1).max(WORKSHOP_LIMITS.dots);
export type PollOption = z.infer<typeof PollOptionSchema>;

/** What a poll drawn from a foresight board votes on: the board's drivers, or its scenarios. */
export const POLL_SOURCE_ITEMS = ['drivers', 'scenarios'] as const;
export const PollSourceItemsSchema = z.enum(POLL_SOURCE_ITEMS);
export type PollSourceItems = z.infer<typeof PollSourceItemsSchema>;

/**
 * A poll opened from a block of a linked document (decision 0053): its options are the block's
 * items, each option's id the item's own id (a driver's or scenario's), so the board finds its
 * dots by item whatever happens to the labels after opening.
 */
export const PollSourceSchema = z.object({
  documentId: IdSchema,
  /** The board's `boardId`. */
  blockId: IdSchema,
  items: PollSourceItemsSchema,
});
export type PollSource = z.infer<typeof PollSourceSchema>;

export const PollSchema = z.object({
  id: IdSchema,
  workshopId: IdSchema,
  agendaItemId: IdSchema.nullable(),
  question: z.string(),
  kind: PollKindSchema,
  options: z.array(PollOptionSchema),
  /** Anonymous: results never name a voter, not even to facilitators. */
  anonymous: z.boolean(),
  /** The facilitator chose to show the tally while the poll is open. */
  showLive: z.boolean(),
  /** Dot votes: the dots each voter places; null for other kinds. */
  dots: DotCountSchema.nullable(),
  /** Dot votes: the most dots one voter may place on one option; null for no cap. */
  maxDotsPerOption: DotCountSchema.nullable(),
  status: PollStatusSchema,
  openedBy: IdSchema,
  openedAt: IsoDateTimeSchema,
  /** The time limit, if any: the server closes the poll then. */
  closesAt: IsoDateTimeSchema.nullable(),
  closedAt: IsoDateTimeSchema.nullable(),
  /** The block it was opened from (a dot vote on a board's items); null for a typed-in poll. */
  source: PollSourceSchema.nullable(),
});
export type Poll = z.infer<typeof PollSchema>;

/**
 * What one voter gave each option: 1 for a chosen option (single, multiple), the dots placed
 * (dots), or the score 1–5 (score). Options not listed got nothing.
 */
export const BallotAllocationSchema = z.object({
  optionId: IdSchema,
  value: z.number().int().min(1).max(WORKSHOP_LIMITS.dots),
});
export type BallotAllocation = z.infer<typeof BallotAllocationSchema>;

export const BallotSchema = z.object({
  pollId: IdSchema,
  userId: IdSchema,
  allocations: z.array(BallotAllocationSchema),
  castAt: IsoDateTimeSchema,
});
export type Ballot = z.infer<typeof BallotSchema>;

export const OUTCOME_KINDS = ['decision', 'action'] as const;
export const OutcomeKindSchema = z.enum(OUTCOME_KINDS);
export type OutcomeKind = z.infer<typeof OutcomeKindSchema>;

/** A decision, or an action item with an owner and a due date, recorded against an agenda item. */
export const WorkshopOutcomeSchema = z.object({
  id: IdSchema,
  workshopId: IdSchema,
  agendaItemId: IdSchema.nullable(),
  kind: OutcomeKindSchema,
  text: z.string(),
  /** Actions: who does it (a user of the workspace), and by when (a calendar date). */
  ownerId: IdSchema.nullable(),
  dueDate: z.iso.date().nullable(),
  createdBy: IdSchema,
  createdAt: IsoDateTimeSchema,
});
export type WorkshopOutcome = z.infer<typeof WorkshopOutcomeSchema>;

/** One stay in the live workshop: joined, and left (null while still there). */
export const AttendanceSchema = z.object({
  workshopId: IdSchema,
  userId: IdSchema,
  joinedAt: IsoDateTimeSchema,
  leftAt: IsoDateTimeSchema.nullable(),
});
export type Attendance = z.infer<typeof AttendanceSchema>;
