import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';

/**
 * What the audit log records: security- and governance-relevant actions (issue 17). Named
 * `<subject>.<what happened>`; a new kind of action (sign-offs, say) is one more line here and
 * one more label per language, nothing else: both stores keep the name as a plain string.
 */
export const AUDIT_ACTIONS = [
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.rate_limited',
  'invitation.created',
  'invitation.accepted',
  'membership.role_changed',
  'membership.removed',
  'document.created',
  'document.archived',
  'document.restored',
  'document.published',
  'document.status_changed',
  'document.version_restored',
  'document.exported',
  'document.suggest_only_changed',
  'review.requested',
  'review.verdict_given',
  'workshop.outcome_recorded',
  'workshop.poll_closed',
  'assessment.round_revealed',
  'audit.purged',
] as const;
export const AuditActionSchema = z.enum(AUDIT_ACTIONS);
export type AuditAction = z.infer<typeof AuditActionSchema>;

/** What an entry is about. */
export const AUDIT_TARGET_TYPES = [
  'user',
  'document',
  'workingGroup',
  'review',
  'workshop',
  'assessment',
  'audit',
] as const;
export const AuditTargetTypeSchema = z.enum(AUDIT_TARGET_TYPES);
export type AuditTargetType = z.infer<typeof AuditTargetTypeSchema>;

/**
 * Small facts about the action, flat and scalar (a role, a verdict, an attempted email), never a
 * password or a token. Bounded so that an entry stays a line, not a document.
 */
export const AuditDetailsSchema = z
  .record(z.string().max(40), z.union([z.string().max(500), z.number(), z.boolean(), z.null()]))
  .refine((d) => Object.keys(d).length <= 12, 'at most 12 details');
export type AuditDetails = z.infer<typeof AuditDetailsSchema>;

/**
 * One line of the append-only audit log. The actor's name and organisation are copied as they
 * were at the time: a later rename must not rewrite history. `actorId` is null when nobody was
 * signed in (a failed sign-in) or the server acted alone (the retention purge).
 */
export const AuditEntrySchema = z.object({
  id: IdSchema,
  at: IsoDateTimeSchema,
  action: AuditActionSchema,
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  organisationId: IdSchema.nullable(),
  organisationName: z.string().nullable(),
  /** The client's address as Express computes it under TRUST_PROXY; null for the server's own acts. */
  address: z.string().max(64).nullable(),
  targetType: AuditTargetTypeSchema.nullable(),
  targetId: z.string().max(200).nullable(),
  details: AuditDetailsSchema,
});
export type AuditEntry = z.infer<typeof AuditEntrySchema>;
