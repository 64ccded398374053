import type {
  AgendaItem,
  AgendaSection,
  Attendance,
  Ballot,
  BallotAllocation,
  Poll,
  PollOption,
  PollSource,
  RaisedHand,
  Workshop,
  WorkshopOutcome,
  WorkshopTimer,
} from '@polisee/domain';
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
 * Workshops, polls, ballots, outcomes and attendance on MongoDB. Stored shapes are derived from
 * the domain types (decision 0044): a field added to the domain fails to compile here.
 */

const bool = { type: Boolean, required: true } as const;
const nullableInt = { type: Number, default: null } as const;

const sectionSchema = new Schema<AgendaSection>(
  { documentId: str, anchor: str, heading: text } satisfies SchemaPaths<AgendaSection>,
  embedded,
);
const agendaItemSchema = new Schema<AgendaItem>(
  {
    id: str,
    title: text,
    minutes: int,
    section: { type: sectionSchema, default: null },
    priority: nullableStr,
    spentSeconds: int,
  } satisfies SchemaPaths<AgendaItem>,
  embedded,
);
const timerSchema = new Schema<WorkshopTimer>(
  {
    durationMs: int,
    remainingMs: int,
    runningSince: nullableStr,
  } satisfies SchemaPaths<WorkshopTimer>,
  embedded,
);
const handSchema = new Schema<RaisedHand>(
  { userId: str, raisedAt: str } satisfies SchemaPaths<RaisedHand>,
  embedded,
);

/**
 * A workshop: its plan and its live state in one document, which `save` replaces whole (the
 * services change one workshop at a time). The agenda (≤ 40 items), hands and guests
 * (≤ 200 each) are bounded, so the document stays small.
 */
export type WorkshopDoc = Stored<Workshop>;
export const workshopSchema = new Schema<WorkshopDoc>(
  {
    _id: str,
    workingGroupId: str,
    title: text,
    purpose: text,
    language: str,
    startsAt: str,
    endsAt: str,
    status: str,
    facilitatorIds: strings,
    guestIds: strings,
    documentIds: strings,
    notesDocumentId: str,
    agenda: { type: [agendaItemSchema], default: [] },
    currentItem: nullableInt,
    currentItemSince: nullableStr,
    timer: { type: timerSchema, required: true },
    hands: { type: [handSchema], default: [] },
    observersMayVote: bool,
    createdBy: str,
    createdAt: str,
    updatedAt: str,
    startedAt: nullableStr,
    endedAt: nullableStr,
  } satisfies SchemaPaths<WorkshopDoc>,
  { ...base, collection: 'workshops' },
);
// A group's workshops by start; the dashboard's "live now" and "upcoming" by status.
workshopSchema.index({ workingGroupId: 1, startsAt: 1, _id: 1 }, { name: 'by_group' });
workshopSchema.index({ status: 1, startsAt: 1, _id: 1 }, { name: 'by_status' });
// Multikey: the workshops a user is a guest of (what a guest may see of other groups).
workshopSchema.index({ guestIds: 1 }, { name: 'by_guest' });

const optionSchema = new Schema<PollOption>(
  { id: str, text } satisfies SchemaPaths<PollOption>,
  embedded,
);
const pollSourceSchema = new Schema<PollSource>(
  { documentId: str, blockId: str, items: str } satisfies SchemaPaths<PollSource>,
  embedded,
);
export type PollDoc = Stored<Poll>;
export const pollSchema = new Schema<PollDoc>(
  {
    _id: str,
    workshopId: str,
    agendaItemId: nullableStr,
    question: text,
    kind: str,
    options: { type: [optionSchema], default: [] },
    anonymous: bool,
    showLive: bool,
    dots: nullableInt,
    maxDotsPerOption: nullableInt,
    status: str,
    openedBy: str,
    openedAt: str,
    closesAt: nullableStr,
    closedAt: nullableStr,
    source: { type: pollSourceSchema, default: null },
  } satisfies SchemaPaths<PollDoc>,
  { ...base, collection: 'workshopPolls' },
);
pollSchema.index({ workshopId: 1, openedAt: 1, _id: 1 }, { name: 'by_workshop' });
// Re-arming time limits after a restart: the open polls of every workshop.
pollSchema.index({ status: 1, openedAt: 1, _id: 1 }, { name: 'by_status' });

const allocationSchema = new Schema<BallotAllocation>(
  { optionId: str, value: int } satisfies SchemaPaths<BallotAllocation>,
  embedded,
);
/**
 * A ballot has no id of its own: the default ObjectId, unique on (poll, voter). That index is
 * what makes a ballot sent twice count once (a second one is an upsert onto the first).
 */
export type BallotDoc = Ballot & { _id: Types.ObjectId };
export const ballotSchema = new Schema<BallotDoc>(
  {
    pollId: str,
    userId: str,
    allocations: { type: [allocationSchema], default: [] },
    castAt: str,
  } satisfies SchemaPaths<Ballot>,
  { ...base, collection: 'workshopBallots' },
);
ballotSchema.index({ pollId: 1, userId: 1 }, { unique: true, name: 'poll_user' });

export type OutcomeDoc = Stored<WorkshopOutcome>;
export const outcomeSchema = new Schema<OutcomeDoc>(
  {
    _id: str,
    workshopId: str,
    agendaItemId: nullableStr,
    kind: str,
    text,
    ownerId: nullableStr,
    dueDate: nullableStr,
    createdBy: str,
    createdAt: str,
  } satisfies SchemaPaths<OutcomeDoc>,
  { ...base, collection: 'workshopOutcomes' },
);
outcomeSchema.index({ workshopId: 1, createdAt: 1, _id: 1 }, { name: 'by_workshop' });

/** One stay in a live workshop: no id of its own (the default ObjectId). */
export type AttendanceDoc = Attendance & { _id: Types.ObjectId };
export const attendanceSchema = new Schema<AttendanceDoc>(
  {
    workshopId: str,
    userId: str,
    joinedAt: str,
    leftAt: nullableStr,
  } satisfies SchemaPaths<Attendance>,
  { ...base, collection: 'workshopAttendance' },
);
attendanceSchema.index({ workshopId: 1, joinedAt: 1, userId: 1, _id: 1 }, { name: 'by_workshop' });
// Ending stays: equality on workshop, user and `leftAt: null`.
attendanceSchema.index({ workshopId: 1, userId: 1, leftAt: 1 }, { name: 'open_stays' });

/** The workshop collections, compiled on the store's connection with the others (`models.ts`). */
export interface WorkshopModels {
  Workshop: Model<WorkshopDoc>;
  Poll: Model<PollDoc>;
  Ballot: Model<BallotDoc>;
  Outcome: Model<OutcomeDoc>;
  Attendance: Model<AttendanceDoc>;
}

export function createWorkshopModels(connection: Connection): WorkshopModels {
  return {
    Workshop: connection.model<WorkshopDoc>('Workshop', workshopSchema),
    Poll: connection.model<PollDoc>('WorkshopPoll', pollSchema),
    Ballot: connection.model<BallotDoc>('WorkshopBallot', ballotSchema),
    Outcome: connection.model<OutcomeDoc>('WorkshopOutcome', outcomeSchema),
    Attendance: connection.model<AttendanceDoc>('WorkshopAttendance', attendanceSchema),
  };
}
