import { z } from 'zod';
import { IdSchema } from '@polisee/domain';

/**
 * socket.io event names, declared once. Server → client events carry only ids:
 * the client refetches through REST, where authorization already lives.
 */
export const SERVER_EVENTS = {
  documentChanged: 'document:changed',
  activityAdded: 'activity:added',
} as const;

export const DocumentChangedEventSchema = z.object({
  documentId: IdSchema,
  workingGroupId: IdSchema,
});
export type DocumentChangedEvent = z.infer<typeof DocumentChangedEventSchema>;

export const ActivityAddedEventSchema = z.object({ workingGroupId: IdSchema.nullable() });
export type ActivityAddedEvent = z.infer<typeof ActivityAddedEventSchema>;

export interface ServerToClientEvents {
  'document:changed': (payload: DocumentChangedEvent) => void;
  'activity:added': (payload: ActivityAddedEvent) => void;
}
// eslint-disable-next-line @typescript-eslint/no-empty-object-type
export interface ClientToServerEvents {}
