import { mkdirSync } from 'node:fs';
import path from 'node:path';
import Database from 'better-sqlite3';
import type { Logger } from 'pino';
import { AppError, type Membership, type Organisation, type WorkingGroup } from '@polisee/domain';
import type {
  ExportRecord,
  InvitationRepo,
  MembershipRepo,
  OrganisationRepo,
  SessionRecord,
  SessionRepo,
  Store,
  StoredUser,
  UserRepo,
  WorkingGroupRepo,
} from '../ports.js';
import { migrate } from './migrations.js';
import { WalCheckpoints } from './walCheckpoints.js';
import { Assignments, bool, json } from './sql.js';
import { publicUser } from '../publicUser.js';
import {
  decodeInvitation,
  decodeOrganisation,
  decodeUser,
  decodeWorkingGroup,
  type InvitationRow,
  type UserRow,
  type WorkingGroupRow,
} from './rows.js';
import {
  SqliteActivityRepo,
  SqliteDocumentRepo,
  SqliteDocumentStateRepo,
} from './documentRepos.js';
import { exportAll } from './exportAll.js';
import { exportCapabilities } from '../capabilityExports.js';
import { SqliteNotificationRepo } from './notificationRepo.js';
import { SqliteThreadRepo } from './threadRepos.js';
import { SqlitePublicationRepo, SqliteReviewRepo, SqliteVersionRepo } from './versionRepos.js';
import { SqliteWorkshopRepo } from '../../workshops/store/sqliteWorkshopRepo.js';
import { SqliteAssessmentRepo } from '../../assessments/store/sqliteAssessmentRepo.js';
import { SqliteSignoffRepo } from '../../signoffs/store/sqliteSignoffRepo.js';
import { SqliteAttributionRepo } from '../../attribution/store/sqliteAttributionRepo.js';
import { SqliteSearchRepo } from '../../search/store/sqliteSearchRepo.js';
import { SqliteKnowledgeRepo } from '../../knowledge/store/sqliteKnowledgeRepo.js';
import { SqliteAuditRepo } from '../../audit/store/sqliteAuditRepo.js';
import { cacheStatements } from './statementCache.js';
import { writeTransaction } from './writeTransaction.js';

/** Synchronous, so that it can run inside a transaction. */
function insertUser(db: Database.Database, u: StoredUser): void {
  try {
    db.prepare(
      `INSERT INTO users (id, email, name, organisation_id, is_admin, language, password_hash, created_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?)`,
    ).run(
      u.id,
      u.email,
      u.name,
      u.organisationId,
      u.isAdmin ? 1 : 0,
      u.language,
      u.passwordHash,
      u.createdAt,
    );
  } catch (err) {
    if ((err as { code?: string }).code === 'SQLITE_CONSTRAINT_UNIQUE') {
      throw new AppError('conflict', 'A user with this email already exists.');
    }
    throw err;
  }
}

function setMembership(db: Database.Database, m: Membership): void {
  db.prepare(
    `INSERT INTO memberships (user_id, working_group_id, role) VALUES (?, ?, ?)
     ON CONFLICT (user_id, working_group_id) DO UPDATE SET role = excluded.role`,
  ).run(m.userId, m.workingGroupId, m.role);
}

/**
 * The embedded default: one SQLite file, nothing to install. better-sqlite3 is synchronous;
 * the port is async so that the MongoDB adapter can implement the same interface.
 */
export class SqliteStore implements Store {
  readonly organisations: OrganisationRepo;
  readonly users: UserRepo;
  readonly workingGroups: WorkingGroupRepo;
  readonly memberships: MembershipRepo;
  readonly invitations: InvitationRepo;
  readonly sessions: SessionRepo;
  readonly documents: SqliteDocumentRepo;
  readonly documentState: SqliteDocumentStateRepo;
  readonly activity: SqliteActivityRepo;
  readonly threads: SqliteThreadRepo;
  readonly notifications: SqliteNotificationRepo;
  readonly versions: SqliteVersionRepo;
  readonly reviews: SqliteReviewRepo;
  readonly publications: SqlitePublicationRepo;
  readonly workshops: SqliteWorkshopRepo;
  readonly assessments: SqliteAssessmentRepo;
  readonly search: SqliteSearchRepo;
  readonly knowledge: SqliteKnowledgeRepo;
  readonly signoffs: SqliteSignoffRepo;
  readonly audit: SqliteAuditRepo;
  readonly attribution: SqliteAttributionRepo;
  private readonly db: Database.Database;
  /** Search queries' own connection (the same one for an in-memory database). */
  private readonly searchReader: Database.Database;
  private readonly checkpoints: WalCheckpoints | null = null;

  /**
   * `checkpointThread`: a server's store, whose WAL checkpoints (and their fsyncs) run in a
   * thread of their own instead of on whichever commit fills the WAL (decision 0102). The
   * commands and tests that open the file briefly keep SQLite's own checkpoints.
   */
  constructor(file: string, options: { checkpointThread?: { logger: Logger } } = {}) {
    const inMemory = file === ':memory:';
    if (!inMemory) mkdirSync(path.dirname(file), { recursive: true });
    this.db = new Database(file);
    // WAL: readers never block the writer; NORMAL is durable across process crashes in WAL mode.
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = NORMAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // Page caches are per connection, fill up to their size with whatever is read or written,
    // and stay full. This one serves every write (each document's log, the index's own writes)
    // and the ordinary reads: 8 MiB (SQLite's default is 2). The search queries read through a
    // connection of their own with 64 MiB (decision 0085), so that their hot index pages are not
    // evicted by writes, nor every document's log pages held in memory for the sake of search.
    this.db.pragma('cache_size = -8192');
    migrate(this.db);
    cacheStatements(this.db);
    if (options.checkpointThread && !inMemory)
      this.checkpoints = WalCheckpoints.start(this.db, file, options.checkpointThread.logger);
    this.searchReader = inMemory ? this.db : new Database(file, { readonly: true });
    if (this.searchReader !== this.db) {
      this.searchReader.pragma('busy_timeout = 5000');
      this.searchReader.pragma('cache_size = -65536');
      cacheStatements(this.searchReader);
    }
    const db = this.db;

    this.organisations = {
      async create(org: Organisation) {
        db.prepare('INSERT INTO organisations (id, name, country, type) VALUES (?, ?, ?, ?)').run(
          org.id,
          org.name,
          org.country,
          org.type,
        );
      },
      async get(id) {
        const row = db.prepare('SELECT * FROM organisations WHERE id = ?').get(id) as
          Organisation | undefined;
        return row ? decodeOrganisation(row) : null;
      },
      async list() {
        const rows = db
          .prepare('SELECT * FROM organisations ORDER BY name')
          .all() as Organisation[];
        return rows.map(decodeOrganisation);
      },
    };

    this.users = {
      async create(u: StoredUser) {
        insertUser(db, u);
      },
      async get(id) {
        const row = db.prepare('SELECT * FROM users WHERE id = ?').get(id) as UserRow | undefined;
        return row ? decodeUser(row) : null;
      },
      async getByEmail(email) {
        const row = db.prepare('SELECT * FROM users WHERE email = ?').get(email) as
          UserRow | undefined;
        return row ? decodeUser(row) : null;
      },
      async list() {
        const rows = db.prepare('SELECT * FROM users ORDER BY name').all() as UserRow[];
        return rows.map((r) => publicUser(decodeUser(r)));
      },
      async update(id, patch) {
        const set = new Assignments()
          .set('name', patch.name)
          .set('language', patch.language)
          .set('password_hash', patch.passwordHash)
          .set('is_admin', patch.isAdmin, bool);
        if (set.empty) return;
        db.prepare(`UPDATE users SET ${set} WHERE id = ?`).run(...set.values, id);
      },
    };

    this.workingGroups = {
      async create(g: WorkingGroup) {
        db.prepare(
          'INSERT INTO working_groups (id, name, description, thematic_priorities) VALUES (?, ?, ?, ?)',
        ).run(g.id, g.name, g.description, JSON.stringify(g.thematicPriorities));
      },
      async get(id) {
        const row = db.prepare('SELECT * FROM working_groups WHERE id = ?').get(id) as
          WorkingGroupRow | undefined;
        return row ? decodeWorkingGroup(row) : null;
      },
      async list() {
        const rows = db
          .prepare('SELECT * FROM working_groups ORDER BY name')
          .all() as WorkingGroupRow[];
        return rows.map(decodeWorkingGroup);
      },
      async update(id, patch) {
        const set = new Assignments()
          .set('name', patch.name)
          .set('description', patch.description)
          .set('thematic_priorities', patch.thematicPriorities, json);
        if (set.empty) return;
        db.prepare(`UPDATE working_groups SET ${set} WHERE id = ?`).run(...set.values, id);
      },
    };

    this.memberships = {
      async set(m: Membership) {
        setMembership(db, m);
      },
      async remove(userId, workingGroupId) {
        db.prepare('DELETE FROM memberships WHERE user_id = ? AND working_group_id = ?').run(
          userId,
          workingGroupId,
        );
      },
      async listForUser(userId) {
        return (
          db
            .prepare('SELECT user_id, working_group_id, role FROM memberships WHERE user_id = ?')
            .all(userId) as {
            user_id: string;
            working_group_id: string;
            role: Membership['role'];
          }[]
        ).map((r) => ({ userId: r.user_id, workingGroupId: r.working_group_id, role: r.role }));
      },
      async listForGroup(workingGroupId) {
        return (
          db
            .prepare(
              'SELECT user_id, working_group_id, role FROM memberships WHERE working_group_id = ?',
            )
            .all(workingGroupId) as {
            user_id: string;
            working_group_id: string;
            role: Membership['role'];
          }[]
        ).map((r) => ({ userId: r.user_id, workingGroupId: r.working_group_id, role: r.role }));
      },
      async countByGroup() {
        const rows = db
          .prepare(
            'SELECT working_group_id AS id, COUNT(*) AS n FROM memberships GROUP BY working_group_id',
          )
          .all() as { id: string; n: number }[];
        return new Map(rows.map((r) => [r.id, r.n]));
      },
    };

    this.invitations = {
      async create(i) {
        db.prepare(
          `INSERT INTO invitations (id, token_hash, email, organisation_id, is_admin, membership, created_by, created_at, expires_at, accepted_at)
           VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
        ).run(
          i.id,
          i.tokenHash,
          i.email,
          i.organisationId,
          i.isAdmin ? 1 : 0,
          i.membership ? JSON.stringify(i.membership) : null,
          i.createdBy,
          i.createdAt,
          i.expiresAt,
          i.acceptedAt,
        );
      },
      async getByTokenHash(tokenHash) {
        const row = db.prepare('SELECT * FROM invitations WHERE token_hash = ?').get(tokenHash) as
          InvitationRow | undefined;
        return row ? decodeInvitation(row) : null;
      },
      async accept(id, at, { user, membership }) {
        // One transaction: a failed account insert (email taken) rolls the use back with it.
        return writeTransaction(db, () => {
          const r = db
            .prepare('UPDATE invitations SET accepted_at = ? WHERE id = ? AND accepted_at IS NULL')
            .run(at, id);
          if (r.changes !== 1) return false;
          insertUser(db, user);
          if (membership) setMembership(db, membership);
          return true;
        });
      },
      async listPending(now) {
        const rows = db
          .prepare(
            'SELECT * FROM invitations WHERE accepted_at IS NULL AND expires_at > ? ORDER BY created_at DESC',
          )
          .all(now) as InvitationRow[];
        return rows.map((r) => {
          const { tokenHash: _omit, ...inv } = decodeInvitation(r);
          return inv;
        });
      },
    };

    this.sessions = {
      async get(sid, now) {
        const row = db
          .prepare(
            'SELECT sid, user_id, data, expires_at FROM sessions WHERE sid = ? AND expires_at > ?',
          )
          .get(sid, now) as
          { sid: string; user_id: string | null; data: string; expires_at: number } | undefined;
        return row
          ? { sid: row.sid, userId: row.user_id, data: row.data, expiresAt: row.expires_at }
          : null;
      },
      async set(s: SessionRecord) {
        db.prepare(
          `INSERT INTO sessions (sid, user_id, data, expires_at) VALUES (?, ?, ?, ?)
           ON CONFLICT (sid) DO UPDATE SET user_id = excluded.user_id, data = excluded.data, expires_at = excluded.expires_at`,
        ).run(s.sid, s.userId, s.data, s.expiresAt);
      },
      async touch(sid, expiresAt) {
        db.prepare('UPDATE sessions SET expires_at = ? WHERE sid = ?').run(expiresAt, sid);
      },
      async destroy(sid) {
        db.prepare('DELETE FROM sessions WHERE sid = ?').run(sid);
      },
      async destroyForUser(userId, keepSid) {
        db.prepare('DELETE FROM sessions WHERE user_id = ? AND sid IS NOT ?').run(
          userId,
          keepSid ?? null,
        );
      },
      async purgeExpired(now) {
        return db.prepare('DELETE FROM sessions WHERE expires_at <= ?').run(now).changes;
      },
    };

    this.documents = new SqliteDocumentRepo(db);
    this.documentState = new SqliteDocumentStateRepo(db);
    this.activity = new SqliteActivityRepo(db);
    this.threads = new SqliteThreadRepo(db);
    this.notifications = new SqliteNotificationRepo(db);
    this.versions = new SqliteVersionRepo(db);
    this.reviews = new SqliteReviewRepo(db);
    this.publications = new SqlitePublicationRepo(db);
    this.workshops = new SqliteWorkshopRepo(db);
    this.assessments = new SqliteAssessmentRepo(db);
    this.search = new SqliteSearchRepo(db, { reader: this.searchReader });
    this.knowledge = new SqliteKnowledgeRepo(db);
    this.signoffs = new SqliteSignoffRepo(db);
    this.audit = new SqliteAuditRepo(db);
    this.attribution = new SqliteAttributionRepo(db);
  }

  async isEmpty() {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM users').get() as { n: number }).n === 0;
  }

  async *exportAll(): AsyncGenerator<ExportRecord> {
    yield* exportAll(this.db, {
      documentState: this.documentState,
      threads: this.threads,
      versions: this.versions,
      reviews: this.reviews,
      workshops: this.workshops,
      assessments: this.assessments,
    });
    yield* exportCapabilities(this);
  }

  async close() {
    await this.checkpoints?.stop();
    if (this.searchReader !== this.db && this.searchReader.open) this.searchReader.close();
    if (this.db.open) this.db.close();
  }
}
