import { z } from 'zod';
import { AuditActionSchema, AuditEntrySchema, IdSchema, IsoDateTimeSchema } from '@polisee/domain';
import { CursorSchema } from './threads.js';

/** The most entries one page (or one CSV download) holds. */
export const AUDIT_PAGE_MAX = 200;
export const AUDIT_CSV_MAX = 50_000;

/** The filters of `GET /api/audit` and of its CSV export; every one optional, all of them AND. */
export const AuditFilterSchema = z.strictObject({
  /** From this instant on (inclusive). */
  from: IsoDateTimeSchema.optional(),
  /** Before this instant (exclusive). */
  to: IsoDateTimeSchema.optional(),
  action: AuditActionSchema.optional(),
  actorId: IdSchema.optional(),
  /** The actor's organisation at the time, by id. */
  organisation: IdSchema.optional(),
  targetId: z.string().min(1).max(200).optional(),
});
export type AuditFilter = z.infer<typeof AuditFilterSchema>;

export const AuditQuerySchema = AuditFilterSchema.extend({
  limit: z.coerce.number().int().min(1).max(AUDIT_PAGE_MAX).default(50),
  cursor: CursorSchema.optional(),
});
export type AuditQuery = z.infer<typeof AuditQuerySchema>;

/** Newest first; `nextCursor` is null on the last page. */
export const AuditPageSchema = z.object({
  items: z.array(AuditEntrySchema),
  nextCursor: CursorSchema.nullable(),
});
export type AuditPage = z.infer<typeof AuditPageSchema>;
