import type { Database } from 'better-sqlite3';
import type { Attendance, Ballot, Poll, Workshop, WorkshopOutcome } from '@polisee/domain';
import { bool, Conditions, json } from '../../store/sqlite/sql.js';
import type { WorkshopQuery, WorkshopRepo } from './port.js';
import { writeTransaction } from '../../store/sqlite/writeTransaction.js';

/**
 * Workshops on SQLite (tables of migration 4). A workshop is one row: the lists that only ever
 * travel with it (agenda, timer, hands, facilitators, documents) are JSON columns; its guests
 * are rows of `workshop_guests`, so that "where is this user a guest?" is an index lookup.
 */

export interface WorkshopRow {
  id: string;
  working_group_id: string;
  title: string;
  purpose: string;
  language: string;
  starts_at: string;
  ends_at: string;
  status: string;
  facilitator_ids: string;
  document_ids: string;
  notes_document_id: string;
  agenda: string;
  current_item: number | null;
  current_item_since: string | null;
  timer: string;
  hands: string;
  observers_may_vote: number;
  created_by: string;
  created_at: string;
  updated_at: string;
  started_at: string | null;
  ended_at: string | null;
}

function decodeWorkshop(r: WorkshopRow, guestIds: string[]): Workshop {
  return {
    id: r.id,
    workingGroupId: r.working_group_id,
    title: r.title,
    purpose: r.purpose,
    language: r.language as Workshop['language'],
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    status: r.status as Workshop['status'],
    facilitatorIds: JSON.parse(r.facilitator_ids) as string[],
    guestIds,
    documentIds: JSON.parse(r.document_ids) as string[],
    notesDocumentId: r.notes_document_id,
    agenda: JSON.parse(r.agenda) as Workshop['agenda'],
    currentItem: r.current_item,
    currentItemSince: r.current_item_since,
    timer: JSON.parse(r.timer) as Workshop['timer'],
    hands: JSON.parse(r.hands) as Workshop['hands'],
    observersMayVote: r.observers_may_vote === 1,
    createdBy: r.created_by,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
    startedAt: r.started_at,
    endedAt: r.ended_at,
  };
}

export interface PollRow {
  id: string;
  workshop_id: string;
  agenda_item_id: string | null;
  question: string;
  kind: string;
  options: string;
  anonymous: number;
  show_live: number;
  dots: number | null;
  max_dots_per_option: number | null;
  status: string;
  opened_by: string;
  opened_at: string;
  closes_at: string | null;
  closed_at: string | null;
  source: string | null;
}

export function decodePoll(r: PollRow): Poll {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    agendaItemId: r.agenda_item_id,
    question: r.question,
    kind: r.kind as Poll['kind'],
    options: JSON.parse(r.options) as Poll['options'],
    anonymous: r.anonymous === 1,
    showLive: r.show_live === 1,
    dots: r.dots,
    maxDotsPerOption: r.max_dots_per_option,
    status: r.status as Poll['status'],
    openedBy: r.opened_by,
    openedAt: r.opened_at,
    closesAt: r.closes_at,
    closedAt: r.closed_at,
    source: r.source === null ? null : (JSON.parse(r.source) as Poll['source']),
  };
}

interface BallotRow {
  poll_id: string;
  user_id: string;
  allocations: string;
  cast_at: string;
}

function decodeBallot(r: BallotRow): Ballot {
  return {
    pollId: r.poll_id,
    userId: r.user_id,
    allocations: JSON.parse(r.allocations) as Ballot['allocations'],
    castAt: r.cast_at,
  };
}

interface OutcomeRow {
  id: string;
  workshop_id: string;
  agenda_item_id: string | null;
  kind: string;
  text: string;
  owner_id: string | null;
  due_date: string | null;
  created_by: string;
  created_at: string;
}

function decodeOutcome(r: OutcomeRow): WorkshopOutcome {
  return {
    id: r.id,
    workshopId: r.workshop_id,
    agendaItemId: r.agenda_item_id,
    kind: r.kind as WorkshopOutcome['kind'],
    text: r.text,
    ownerId: r.owner_id,
    dueDate: r.due_date,
    createdBy: r.created_by,
    createdAt: r.created_at,
  };
}

interface AttendanceRow {
  workshop_id: string;
  user_id: string;
  joined_at: string;
  left_at: string | null;
}

function decodeAttendance(r: AttendanceRow): Attendance {
  return {
    workshopId: r.workshop_id,
    userId: r.user_id,
    joinedAt: r.joined_at,
    leftAt: r.left_at,
  };
}

/** The mutable columns, in the order `mutableValues` gives them (what `save` replaces). */
const MUTABLE_COLUMNS = [
  'title',
  'purpose',
  'language',
  'starts_at',
  'ends_at',
  'status',
  'facilitator_ids',
  'document_ids',
  'agenda',
  'current_item',
  'current_item_since',
  'timer',
  'hands',
  'observers_may_vote',
  'updated_at',
  'started_at',
  'ended_at',
] as const;

function mutableValues(w: Workshop): unknown[] {
  return [
    w.title,
    w.purpose,
    w.language,
    w.startsAt,
    w.endsAt,
    w.status,
    json(w.facilitatorIds),
    json(w.documentIds),
    json(w.agenda),
    w.currentItem,
    w.currentItemSince,
    json(w.timer),
    json(w.hands),
    bool(w.observersMayVote),
    w.updatedAt,
    w.startedAt,
    w.endedAt,
  ];
}

const ORDER = 'ORDER BY starts_at, id';

export class SqliteWorkshopRepo implements WorkshopRepo {
  constructor(private readonly db: Database) {}

  /** Rows with their guests, in one query for all of them. */
  private withGuests(rows: WorkshopRow[]): Workshop[] {
    if (rows.length === 0) return [];
    const guests = this.db
      .prepare(
        `SELECT workshop_id, user_id FROM workshop_guests
         WHERE workshop_id IN (SELECT value FROM json_each(?)) ORDER BY workshop_id, position`,
      )
      .all(json(rows.map((r) => r.id))) as { workshop_id: string; user_id: string }[];
    const byWorkshop = new Map<string, string[]>();
    for (const g of guests) {
      const list = byWorkshop.get(g.workshop_id) ?? [];
      list.push(g.user_id);
      byWorkshop.set(g.workshop_id, list);
    }
    return rows.map((r) => decodeWorkshop(r, byWorkshop.get(r.id) ?? []));
  }

  private writeGuests(workshopId: string, guestIds: string[]) {
    this.db.prepare('DELETE FROM workshop_guests WHERE workshop_id = ?').run(workshopId);
    const insert = this.db.prepare(
      'INSERT OR IGNORE INTO workshop_guests (workshop_id, user_id, position) VALUES (?, ?, ?)',
    );
    guestIds.forEach((userId, i) => insert.run(workshopId, userId, i));
  }

  async create(w: Workshop) {
    const columns = ['id', 'working_group_id', 'notes_document_id', 'created_by', 'created_at'];
    const all = [...columns, ...MUTABLE_COLUMNS];
    // One transaction: a workshop is never seen without its guests.
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `INSERT INTO workshops (${all.join(', ')}) VALUES (${all.map(() => '?').join(', ')})`,
        )
        .run(
          w.id,
          w.workingGroupId,
          w.notesDocumentId,
          w.createdBy,
          w.createdAt,
          ...mutableValues(w),
        );
      this.writeGuests(w.id, w.guestIds);
    });
  }

  async get(id: string) {
    const row = this.db.prepare('SELECT * FROM workshops WHERE id = ?').get(id) as
      WorkshopRow | undefined;
    return row ? (this.withGuests([row])[0] ?? null) : null;
  }

  async list(q: WorkshopQuery) {
    // An empty list of groups or statuses matches nothing (as `IN ()` would).
    if (q.workingGroupIds?.length === 0 || q.statuses?.length === 0) return [];
    const where = new Conditions();
    if (q.workingGroupIds) where.in('working_group_id', q.workingGroupIds);
    if (q.workingGroupId !== undefined) where.add('working_group_id = ?', q.workingGroupId);
    if (q.statuses) where.in('status', q.statuses);
    const rows = this.db
      .prepare(`SELECT * FROM workshops ${where} ${ORDER} LIMIT ?`)
      // SQLite reads a negative LIMIT as "no limit".
      .all(...where.values, q.limit ?? -1) as WorkshopRow[];
    return this.withGuests(rows);
  }

  async save(w: Workshop) {
    writeTransaction(this.db, () => {
      this.db
        .prepare(
          `UPDATE workshops SET ${MUTABLE_COLUMNS.map((c) => `${c} = ?`).join(', ')} WHERE id = ?`,
        )
        .run(...mutableValues(w), w.id);
      this.writeGuests(w.id, w.guestIds);
    });
  }

  async listGuestOf(userId: string) {
    const rows = this.db
      .prepare(
        `SELECT * FROM workshops
         WHERE id IN (SELECT workshop_id FROM workshop_guests WHERE user_id = ?) ${ORDER}`,
      )
      .all(userId) as WorkshopRow[];
    return this.withGuests(rows);
  }

  async createPoll(p: Poll) {
    this.db
      .prepare(
        `INSERT INTO workshop_polls (id, workshop_id, agenda_item_id, question, kind, options, anonymous, show_live, dots, max_dots_per_option, status, opened_by, opened_at, closes_at, closed_at, source)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        p.id,
        p.workshopId,
        p.agendaItemId,
        p.question,
        p.kind,
        json(p.options),
        bool(p.anonymous),
        bool(p.showLive),
        p.dots,
        p.maxDotsPerOption,
        p.status,
        p.openedBy,
        p.openedAt,
        p.closesAt,
        p.closedAt,
        p.source === null ? null : json(p.source),
      );
  }

  async getPoll(id: string) {
    const row = this.db.prepare('SELECT * FROM workshop_polls WHERE id = ?').get(id) as
      PollRow | undefined;
    return row ? decodePoll(row) : null;
  }

  async listPolls(workshopId: string) {
    const rows = this.db
      .prepare('SELECT * FROM workshop_polls WHERE workshop_id = ? ORDER BY opened_at, id')
      .all(workshopId) as PollRow[];
    return rows.map(decodePoll);
  }

  async listOpenPolls() {
    const rows = this.db
      .prepare("SELECT * FROM workshop_polls WHERE status = 'open' ORDER BY opened_at, id")
      .all() as PollRow[];
    return rows.map(decodePoll);
  }

  async closePoll(id: string, closedAt: string) {
    // Matches only while open: of two closers (the time limit and a facilitator), one wins.
    const result = this.db
      .prepare(
        "UPDATE workshop_polls SET status = 'closed', closed_at = ? WHERE id = ? AND status = 'open'",
      )
      .run(closedAt, id);
    return result.changes === 1;
  }

  async castBallot(b: Ballot) {
    this.db
      .prepare(
        `INSERT INTO workshop_ballots (poll_id, user_id, allocations, cast_at) VALUES (?, ?, ?, ?)
         ON CONFLICT (poll_id, user_id) DO UPDATE SET allocations = excluded.allocations, cast_at = excluded.cast_at`,
      )
      .run(b.pollId, b.userId, json(b.allocations), b.castAt);
  }

  async listBallots(pollId: string) {
    const rows = this.db
      .prepare('SELECT * FROM workshop_ballots WHERE poll_id = ? ORDER BY user_id')
      .all(pollId) as BallotRow[];
    return rows.map(decodeBallot);
  }

  async getBallot(pollId: string, userId: string) {
    const row = this.db
      .prepare('SELECT * FROM workshop_ballots WHERE poll_id = ? AND user_id = ?')
      .get(pollId, userId) as BallotRow | undefined;
    return row ? decodeBallot(row) : null;
  }

  async addOutcome(o: WorkshopOutcome) {
    this.db
      .prepare(
        `INSERT INTO workshop_outcomes (id, workshop_id, agenda_item_id, kind, text, owner_id, due_date, created_by, created_at)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        o.id,
        o.workshopId,
        o.agendaItemId,
        o.kind,
        o.text,
        o.ownerId,
        o.dueDate,
        o.createdBy,
        o.createdAt,
      );
  }

  async listOutcomes(workshopId: string) {
    const rows = this.db
      .prepare('SELECT * FROM workshop_outcomes WHERE workshop_id = ? ORDER BY created_at, id')
      .all(workshopId) as OutcomeRow[];
    return rows.map(decodeOutcome);
  }

  async countOutcomes(workshopId: string) {
    return (
      this.db
        .prepare('SELECT COUNT(*) AS n FROM workshop_outcomes WHERE workshop_id = ?')
        .get(workshopId) as { n: number }
    ).n;
  }

  async recordJoin(a: Attendance) {
    this.db
      .prepare(
        'INSERT INTO workshop_attendance (workshop_id, user_id, joined_at, left_at) VALUES (?, ?, ?, ?)',
      )
      .run(a.workshopId, a.userId, a.joinedAt, a.leftAt);
  }

  async recordLeave(workshopId: string, userId: string, leftAt: string) {
    this.db
      .prepare(
        `UPDATE workshop_attendance SET left_at = ?
         WHERE workshop_id = ? AND user_id = ? AND left_at IS NULL`,
      )
      .run(leftAt, workshopId, userId);
  }

  async closeAttendance(workshopId: string, leftAt: string) {
    this.db
      .prepare(
        'UPDATE workshop_attendance SET left_at = ? WHERE workshop_id = ? AND left_at IS NULL',
      )
      .run(leftAt, workshopId);
  }

  async listAttendance(workshopId: string) {
    // Two stays of one user that began in the same millisecond keep the order they were written.
    const rows = this.db
      .prepare(
        `SELECT workshop_id, user_id, joined_at, left_at FROM workshop_attendance
         WHERE workshop_id = ? ORDER BY joined_at, user_id, rowid`,
      )
      .all(workshopId) as AttendanceRow[];
    return rows.map(decodeAttendance);
  }
}
