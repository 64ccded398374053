import type { AuditEntry } from '@polisee/domain';
import { decodeCursor, encodeCursor } from '../../store/cursor.js';
import { and, before, op } from '../../store/mongo/q.js';
import type { AuditEntryDoc, AuditModels } from './mongoAuditModels.js';
import type { AuditRepo } from './port.js';

/** The audit log on MongoDB (collection `auditEntries`, indexes in `mongoAuditModels.ts`). */

function toEntry(d: AuditEntryDoc): AuditEntry {
  const { _id, ...rest } = d;
  return { id: _id, ...rest, details: d.details ?? {} };
}

export function mongoAuditRepo({ AuditEntry }: AuditModels): AuditRepo {
  return {
    async append(e) {
      const { id, ...rest } = e;
      // An upsert that only inserts: a retried write of an entry already stored changes nothing.
      await AuditEntry.updateOne({ _id: id }, { $setOnInsert: rest }, { upsert: true });
    },

    async list(q) {
      const cursor = q.cursor ? decodeCursor(q.cursor) : null;
      const range: Record<string, string> = {};
      if (q.from) range.$gte = q.from;
      if (q.to) range.$lt = q.to;
      const docs = await AuditEntry.find(
        and(
          Object.keys(range).length > 0 ? { at: op(range) } : {},
          q.action ? { action: q.action } : {},
          q.actorId ? { actorId: q.actorId } : {},
          q.organisation ? { organisationId: q.organisation } : {},
          q.targetId ? { targetId: q.targetId } : {},
          cursor ? before('at', cursor.at, cursor.id) : {},
        ),
      )
        .sort({ at: -1, _id: -1 })
        .limit(q.limit + 1)
        .lean<AuditEntryDoc[]>();
      const page = docs.slice(0, q.limit);
      const last = page.at(-1);
      return {
        items: page.map(toEntry),
        nextCursor: docs.length > q.limit && last ? encodeCursor(last.at, last._id) : null,
      };
    },

    async purgeBefore(beforeAt) {
      const r = await AuditEntry.deleteMany({ at: op({ $lt: beforeAt }) });
      return r.deletedCount;
    },
  };
}
