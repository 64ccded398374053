import type { AuditEntry } from '@polisee/domain';
import { Schema, type Connection, type Model } from 'mongoose';
import {
  base,
  nullableStr,
  str,
  type SchemaPaths,
  type Stored,
} from '../../store/mongo/modelParts.js';

/**
 * The audit log on MongoDB: one document per entry, its id as `_id`. The stored shape is derived
 * from the domain type (decision 0044). `details` is a small flat object of scalars whose keys
 * are the server's own (never a request's), so it is kept as it is.
 */
export type AuditEntryDoc = Stored<AuditEntry>;

export const auditEntrySchema = new Schema<AuditEntryDoc>(
  {
    _id: str,
    at: str,
    action: str,
    actorId: nullableStr,
    actorName: nullableStr,
    organisationId: nullableStr,
    organisationName: nullableStr,
    address: nullableStr,
    targetType: nullableStr,
    targetId: nullableStr,
    details: { type: Schema.Types.Mixed, default: {} },
  } satisfies SchemaPaths<AuditEntryDoc>,
  // minimize off: an entry without details keeps `{}` rather than losing the field.
  { ...base, collection: 'auditEntries', minimize: false },
);
// Newest first, unfiltered, and the retention purge (a range on `at`).
auditEntrySchema.index({ at: -1, _id: -1 }, { name: 'by_time' });
// Each filter with the page order behind it, so that a filtered page is an index range too.
auditEntrySchema.index({ action: 1, at: -1, _id: -1 }, { name: 'by_action' });
auditEntrySchema.index({ actorId: 1, at: -1, _id: -1 }, { name: 'by_actor' });
auditEntrySchema.index({ organisationId: 1, at: -1, _id: -1 }, { name: 'by_organisation' });
auditEntrySchema.index({ targetId: 1, at: -1, _id: -1 }, { name: 'by_target' });

/** The audit collection, compiled on the store's connection with the others (`models.ts`). */
export interface AuditModels {
  AuditEntry: Model<AuditEntryDoc>;
}

export function createAuditModels(connection: Connection): AuditModels {
  return { AuditEntry: connection.model<AuditEntryDoc>('AuditEntry', auditEntrySchema) };
}
