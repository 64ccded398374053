import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';

export const ACTIVITY_TYPES = [
  'document_created',
  'document_renamed',
  'document_retagged',
  'document_archived',
  'document_restored',
  'member_invited',
  'member_joined',
  'version_saved',
  'version_restored',
  'review_requested',
  'verdict_given',
  'status_changed',
  'document_published',
  'suggest_only_changed',
] as const;
export const ActivityTypeSchema = z.enum(ACTIVITY_TYPES);
export type ActivityType = z.infer<typeof ActivityTypeSchema>;

/** One line of the activity feed: who did what, where. */
export const ActivitySchema = z.object({
  id: IdSchema,
  type: ActivityTypeSchema,
  actorId: IdSchema,
  actorName: z.string(),
  workingGroupId: IdSchema.nullable(),
  documentId: IdSchema.nullable(),
  documentTitle: z.string().nullable(),
  at: IsoDateTimeSchema,
});
export type Activity = z.infer<typeof ActivitySchema>;
