import type { Attendance, Ballot, Poll, Workshop, WorkshopOutcome } from '@polisee/domain';
import { isDuplicateKey } from '../../store/mongo/connection.js';
import { and, op } from '../../store/mongo/q.js';
import type {
  AttendanceDoc,
  BallotDoc,
  OutcomeDoc,
  PollDoc,
  WorkshopDoc,
  WorkshopModels,
} from './mongoWorkshopModels.js';
import type { WorkshopRepo } from './port.js';

/**
 * Workshops on MongoDB. Every write is one single-document operation (no transactions): a
 * workshop and its guests are one document, a ballot is an upsert on its (poll, voter) key,
 * and a poll closes with an update that matches only while it is open.
 */

export function toWorkshop(d: WorkshopDoc): Workshop {
  return {
    id: d._id,
    workingGroupId: d.workingGroupId,
    title: d.title ?? '',
    purpose: d.purpose ?? '',
    language: d.language,
    startsAt: d.startsAt,
    endsAt: d.endsAt,
    status: d.status,
    facilitatorIds: [...(d.facilitatorIds ?? [])],
    guestIds: [...(d.guestIds ?? [])],
    documentIds: [...(d.documentIds ?? [])],
    notesDocumentId: d.notesDocumentId,
    agenda: (d.agenda ?? []).map((item) => ({
      id: item.id,
      title: item.title ?? '',
      minutes: item.minutes,
      section: item.section
        ? {
            documentId: item.section.documentId,
            anchor: item.section.anchor,
            heading: item.section.heading ?? '',
          }
        : null,
      priority: item.priority ?? null,
      spentSeconds: item.spentSeconds,
    })),
    currentItem: d.currentItem ?? null,
    currentItemSince: d.currentItemSince ?? null,
    timer: {
      durationMs: d.timer.durationMs,
      remainingMs: d.timer.remainingMs,
      runningSince: d.timer.runningSince ?? null,
    },
    hands: (d.hands ?? []).map((h) => ({ userId: h.userId, raisedAt: h.raisedAt })),
    observersMayVote: d.observersMayVote,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
    updatedAt: d.updatedAt,
    startedAt: d.startedAt ?? null,
    endedAt: d.endedAt ?? null,
  };
}

function toPoll(d: PollDoc): Poll {
  return {
    id: d._id,
    workshopId: d.workshopId,
    agendaItemId: d.agendaItemId ?? null,
    question: d.question ?? '',
    kind: d.kind,
    options: (d.options ?? []).map((o) => ({ id: o.id, text: o.text ?? '' })),
    anonymous: d.anonymous,
    showLive: d.showLive,
    dots: d.dots ?? null,
    maxDotsPerOption: d.maxDotsPerOption ?? null,
    status: d.status,
    openedBy: d.openedBy,
    openedAt: d.openedAt,
    closesAt: d.closesAt ?? null,
    closedAt: d.closedAt ?? null,
    // Polls stored before boards could source them have no field at all.
    source: d.source
      ? { documentId: d.source.documentId, blockId: d.source.blockId, items: d.source.items }
      : null,
  };
}

function toBallot(d: BallotDoc): Ballot {
  return {
    pollId: d.pollId,
    userId: d.userId,
    allocations: (d.allocations ?? []).map((a) => ({ optionId: a.optionId, value: a.value })),
    castAt: d.castAt,
  };
}

function toOutcome(d: OutcomeDoc): WorkshopOutcome {
  return {
    id: d._id,
    workshopId: d.workshopId,
    agendaItemId: d.agendaItemId ?? null,
    kind: d.kind,
    text: d.text ?? '',
    ownerId: d.ownerId ?? null,
    dueDate: d.dueDate ?? null,
    createdBy: d.createdBy,
    createdAt: d.createdAt,
  };
}

function toAttendance(d: AttendanceDoc): Attendance {
  return {
    workshopId: d.workshopId,
    userId: d.userId,
    joinedAt: d.joinedAt,
    leftAt: d.leftAt ?? null,
  };
}

/** What `save` replaces: everything but the id and the fields fixed at creation. */
function mutableFields(w: Workshop) {
  return {
    title: w.title,
    purpose: w.purpose,
    language: w.language,
    startsAt: w.startsAt,
    endsAt: w.endsAt,
    status: w.status,
    facilitatorIds: w.facilitatorIds,
    guestIds: w.guestIds,
    documentIds: w.documentIds,
    agenda: w.agenda,
    currentItem: w.currentItem,
    currentItemSince: w.currentItemSince,
    timer: w.timer,
    hands: w.hands,
    observersMayVote: w.observersMayVote,
    updatedAt: w.updatedAt,
    startedAt: w.startedAt,
    endedAt: w.endedAt,
  } satisfies Omit<
    Workshop,
    'id' | 'workingGroupId' | 'notesDocumentId' | 'createdBy' | 'createdAt'
  >;
}

const BY_START = { startsAt: 1, _id: 1 } as const;

export function mongoWorkshopRepo({
  Workshop,
  Poll,
  Ballot,
  Outcome,
  Attendance,
}: WorkshopModels): WorkshopRepo {
  return {
    async create(w) {
      await Workshop.create({
        _id: w.id,
        workingGroupId: w.workingGroupId,
        notesDocumentId: w.notesDocumentId,
        createdBy: w.createdBy,
        createdAt: w.createdAt,
        ...mutableFields(w),
      });
    },
    async get(id) {
      const d = await Workshop.findById(id).lean<WorkshopDoc>();
      return d ? toWorkshop(d) : null;
    },
    async list(q) {
      // An empty list of groups or statuses matches nothing; MongoDB reads `limit(0)` as
      // "no limit", where SQLite's LIMIT 0 returns nothing.
      if (q.workingGroupIds?.length === 0 || q.statuses?.length === 0) return [];
      if (q.limit !== undefined && q.limit <= 0) return [];
      const query = Workshop.find(
        and(
          q.workingGroupIds ? { workingGroupId: op({ $in: q.workingGroupIds }) } : {},
          q.workingGroupId !== undefined ? { workingGroupId: q.workingGroupId } : {},
          q.statuses ? { status: op({ $in: q.statuses }) } : {},
        ),
      ).sort(BY_START);
      if (q.limit !== undefined) query.limit(q.limit);
      return (await query.lean<WorkshopDoc[]>()).map(toWorkshop);
    },
    async save(w) {
      await Workshop.updateOne({ _id: w.id }, { $set: mutableFields(w) });
    },
    async listGuestOf(userId) {
      // Equality on an array field matches any element (the multikey `by_guest` index).
      const docs = await Workshop.find({ guestIds: userId }).sort(BY_START).lean<WorkshopDoc[]>();
      return docs.map(toWorkshop);
    },

    async createPoll(p) {
      await Poll.create({
        _id: p.id,
        workshopId: p.workshopId,
        agendaItemId: p.agendaItemId,
        question: p.question,
        kind: p.kind,
        options: p.options,
        anonymous: p.anonymous,
        showLive: p.showLive,
        dots: p.dots,
        maxDotsPerOption: p.maxDotsPerOption,
        status: p.status,
        openedBy: p.openedBy,
        openedAt: p.openedAt,
        closesAt: p.closesAt,
        closedAt: p.closedAt,
        source: p.source,
      });
    },
    async getPoll(id) {
      const d = await Poll.findById(id).lean<PollDoc>();
      return d ? toPoll(d) : null;
    },
    async listPolls(workshopId) {
      const docs = await Poll.find({ workshopId }).sort({ openedAt: 1, _id: 1 }).lean<PollDoc[]>();
      return docs.map(toPoll);
    },
    async listOpenPolls() {
      const docs = await Poll.find({ status: 'open' })
        .sort({ openedAt: 1, _id: 1 })
        .lean<PollDoc[]>();
      return docs.map(toPoll);
    },
    async closePoll(id, closedAt) {
      // Matches only while open: of two closers (the time limit and a facilitator), one wins.
      const result = await Poll.updateOne(
        { _id: id, status: 'open' },
        { $set: { status: 'closed', closedAt } },
      );
      return result.modifiedCount === 1;
    },
    async castBallot(b) {
      const update = () =>
        Ballot.updateOne(
          { pollId: b.pollId, userId: b.userId },
          { $set: { allocations: b.allocations, castAt: b.castAt } },
          { upsert: true },
        );
      try {
        await update();
      } catch (err) {
        // Two upserts by one voter at once (two tabs) may both try to insert: the unique
        // (poll, voter) index refuses the second, which then finds the first and replaces it.
        // MongoDB 4.2+ retries this itself for an equality on the whole unique key; once more
        // here covers the servers that do not.
        if (!isDuplicateKey(err)) throw err;
        await update();
      }
    },
    async listBallots(pollId) {
      const docs = await Ballot.find({ pollId }).sort({ userId: 1 }).lean<BallotDoc[]>();
      return docs.map(toBallot);
    },
    async getBallot(pollId, userId) {
      const d = await Ballot.findOne({ pollId, userId }).lean<BallotDoc>();
      return d ? toBallot(d) : null;
    },

    async addOutcome(o) {
      await Outcome.create({
        _id: o.id,
        workshopId: o.workshopId,
        agendaItemId: o.agendaItemId,
        kind: o.kind,
        text: o.text,
        ownerId: o.ownerId,
        dueDate: o.dueDate,
        createdBy: o.createdBy,
        createdAt: o.createdAt,
      });
    },
    async listOutcomes(workshopId) {
      const docs = await Outcome.find({ workshopId })
        .sort({ createdAt: 1, _id: 1 })
        .lean<OutcomeDoc[]>();
      return docs.map(toOutcome);
    },
    async countOutcomes(workshopId) {
      return Outcome.countDocuments({ workshopId });
    },

    async recordJoin(a) {
      await Attendance.create({
        workshopId: a.workshopId,
        userId: a.userId,
        joinedAt: a.joinedAt,
        leftAt: a.leftAt,
      });
    },
    async recordLeave(workshopId, userId, leftAt) {
      await Attendance.updateMany({ workshopId, userId, leftAt: null }, { $set: { leftAt } });
    },
    async closeAttendance(workshopId, leftAt) {
      await Attendance.updateMany({ workshopId, leftAt: null }, { $set: { leftAt } });
    },
    async listAttendance(workshopId) {
      // The ObjectId last: two stays of one user begun in the same millisecond keep the order
      // they were written in (as SQLite's rowid does).
      const docs = await Attendance.find({ workshopId })
        .sort({ joinedAt: 1, userId: 1, _id: 1 })
        .lean<AttendanceDoc[]>();
      return docs.map(toAttendance);
    },
  };
}
