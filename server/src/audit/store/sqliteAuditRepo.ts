import type { Database } from 'better-sqlite3';
import type { AuditEntry } from '@polisee/domain';
import { decodeCursor, encodeCursor } from '../../store/cursor.js';
import { Conditions } from '../../store/sqlite/sql.js';
import type { AuditRepo } from './port.js';

/** The audit log on SQLite: one row per entry (table `audit_entries`, a migration of its own). */

interface AuditRow {
  id: string;
  at: string;
  action: AuditEntry['action'];
  actor_id: string | null;
  actor_name: string | null;
  organisation_id: string | null;
  organisation_name: string | null;
  address: string | null;
  target_type: AuditEntry['targetType'];
  target_id: string | null;
  details: string;
}

function decode(r: AuditRow): AuditEntry {
  return {
    id: r.id,
    at: r.at,
    action: r.action,
    actorId: r.actor_id,
    actorName: r.actor_name,
    organisationId: r.organisation_id,
    organisationName: r.organisation_name,
    address: r.address,
    targetType: r.target_type,
    targetId: r.target_id,
    details: JSON.parse(r.details) as AuditEntry['details'],
  };
}

export class SqliteAuditRepo implements AuditRepo {
  constructor(private readonly db: Database) {}

  async append(e: AuditEntry) {
    this.db
      .prepare(
        `INSERT OR IGNORE INTO audit_entries (id, at, action, actor_id, actor_name, organisation_id, organisation_name, address, target_type, target_id, details)
         VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      )
      .run(
        e.id,
        e.at,
        e.action,
        e.actorId,
        e.actorName,
        e.organisationId,
        e.organisationName,
        e.address,
        e.targetType,
        e.targetId,
        JSON.stringify(e.details),
      );
  }

  async list(q: Parameters<AuditRepo['list']>[0]) {
    const where = new Conditions();
    if (q.from) where.add('at >= ?', q.from);
    if (q.to) where.add('at < ?', q.to);
    if (q.action) where.add('action = ?', q.action);
    if (q.actorId) where.add('actor_id = ?', q.actorId);
    if (q.organisation) where.add('organisation_id = ?', q.organisation);
    if (q.targetId) where.add('target_id = ?', q.targetId);
    if (q.cursor) {
      const { at, id } = decodeCursor(q.cursor);
      where.add('(at, id) < (?, ?)', at, id);
    }
    const rows = this.db
      .prepare(`SELECT * FROM audit_entries ${where} ORDER BY at DESC, id DESC LIMIT ?`)
      .all(...where.values, q.limit + 1) as AuditRow[];
    const page = rows.slice(0, q.limit);
    const last = page.at(-1);
    return {
      items: page.map(decode),
      nextCursor: rows.length > q.limit && last ? encodeCursor(last.at, last.id) : null,
    };
  }

  async purgeBefore(before: string) {
    return this.db.prepare('DELETE FROM audit_entries WHERE at < ?').run(before).changes;
  }
}
