import { z } from 'zod';
import {
  IdSchema,
  NotificationSchema,
  ThematicPrioritySchema,
  WorkshopStatusSchema,
} from '@polisee/domain';
import type { AssessmentChangedEvent } from './rest/assessments.js';
import { ThreadViewSchema } from './rest/threads.js';
import type {
  WorkshopClientToServerEvents,
  WorkshopServerToClientEvents,
} from './workshopEvents.js';

/**
 * socket.io event names, declared once. Server → client events carry only ids:
 * the client refetches through REST, where authorization already lives.
 */
export const SERVER_EVENTS = {
  documentChanged: 'document:changed',
  activityAdded: 'activity:added',
  threadChanged: 'thread:changed',
  notificationAdded: 'notification:added',
  notificationsRead: 'notifications:read',
  versionAdded: 'version:added',
  reviewChanged: 'review:changed',
  sessionEnded: 'session:ended',
  /** A workshop was planned, went live or ended: workshop lists refetch ("live now"). */
  workshopStatusChanged: 'workshop:status-changed',
  /**
   * To a document's subscribers: a matrix's scoring changed (a score, a reveal, a round).
   * `AssessmentChangedEventSchema`: ids only, never a score; refetch the assessment.
   */
  assessmentChanged: 'assessment:changed',
  /** To a document's subscribers: a sign-off request was made, answered, withdrawn or lapsed. */
  signoffChanged: 'signoff:changed',
} as const;

/**
 * Client → server events. Live thread updates are opt-in per room: a socket subscribes to the
 * document it has open and to the priority inbox it is looking at, and the server checks read
 * access on every subscription.
 */
export const CLIENT_EVENTS = {
  subscribeDocument: 'document:subscribe',
  unsubscribeDocument: 'document:unsubscribe',
  subscribePriority: 'priority:subscribe',
  unsubscribePriority: 'priority:unsubscribe',
} as const;

export const DocumentChangedEventSchema = z.object({
  documentId: IdSchema,
  workingGroupId: IdSchema,
});
export type DocumentChangedEvent = z.infer<typeof DocumentChangedEventSchema>;

export const ActivityAddedEventSchema = z.object({ workingGroupId: IdSchema.nullable() });
export type ActivityAddedEvent = z.infer<typeof ActivityAddedEventSchema>;

/**
 * Thread events carry the whole thread: every recipient may read it, and the client writes it
 * straight into its query cache. `previousPriority` is set when the priority changed, so the old
 * inbox drops it.
 */
export const ThreadChangedEventSchema = z.object({
  thread: ThreadViewSchema,
  previousPriority: ThematicPrioritySchema.nullable(),
});
export type ThreadChangedEvent = z.infer<typeof ThreadChangedEventSchema>;

export const NotificationAddedEventSchema = z.object({
  notification: NotificationSchema,
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationAddedEvent = z.infer<typeof NotificationAddedEventSchema>;

export const NotificationsReadEventSchema = z.object({
  unreadCount: z.number().int().nonnegative(),
});
export type NotificationsReadEvent = z.infer<typeof NotificationsReadEventSchema>;

/** To a document's subscribers: its history has a new version (refetch the list). */
export const VersionAddedEventSchema = z.object({ documentId: IdSchema, versionId: IdSchema });
export type VersionAddedEvent = z.infer<typeof VersionAddedEventSchema>;

/** To a document's subscribers: a review round was requested, answered or closed. */
export const ReviewChangedEventSchema = z.object({ documentId: IdSchema, reviewId: IdSchema });
export type ReviewChangedEvent = z.infer<typeof ReviewChangedEventSchema>;

/** A sign-off request of a document changed (ids only; refetch its sign-offs). */
export const SignoffChangedEventSchema = z.object({ documentId: IdSchema, requestId: IdSchema });
export type SignoffChangedEvent = z.infer<typeof SignoffChangedEventSchema>;

/** To the group's readers and the workshop's guests; ids and the new status only (they refetch). */
export const WorkshopStatusChangedEventSchema = z.object({
  workshopId: IdSchema,
  workingGroupId: IdSchema,
  status: WorkshopStatusSchema,
});
export type WorkshopStatusChangedEvent = z.infer<typeof WorkshopStatusChangedEventSchema>;

/**
 * Why the server ended a socket's session; sent in `session:ended` just before it disconnects
 * the socket. The client asks `GET /api/auth/me` again: a 401 sends the user to sign in.
 * `expired` also covers a session that disappeared without a named cause.
 */
export const SessionEndReasonSchema = z.enum([
  'signed_out',
  'password_changed',
  'expired',
  'access_removed',
]);
export type SessionEndReason = z.infer<typeof SessionEndReasonSchema>;
export const SessionEndedEventSchema = z.object({ reason: SessionEndReasonSchema });
export type SessionEndedEvent = z.infer<typeof SessionEndedEventSchema>;

/** `connect_error` messages of a refused socket.io handshake (`err.message` on the client). */
export const REALTIME_CONNECT_ERRORS = {
  /** No session, or it ended: sign in again. */
  unauthenticated: 'unauthenticated',
  /** The user already holds `REALTIME_LIMITS.maxConnectionsPerUser` connections. */
  tooManyConnections: 'too_many_connections',
  /** The server could not check the session: try again later. */
  serverError: 'server_error',
} as const;

export const REALTIME_LIMITS = {
  /**
   * Open socket.io connections per signed-in user. The app opens one per tab, so 32 is many
   * tabs and devices; the cap stops one account from exhausting sockets (one user opened 1,000).
   */
  maxConnectionsPerUser: 32,
} as const;

export const SubscribeDocumentSchema = z.strictObject({ documentId: IdSchema });
export type SubscribeDocument = z.infer<typeof SubscribeDocumentSchema>;
export const SubscribePrioritySchema = z.strictObject({ priority: ThematicPrioritySchema });
export type SubscribePriority = z.infer<typeof SubscribePrioritySchema>;

/**
 * Every subscription is acknowledged: `ok`, or the error code (`forbidden`, `not_found`,
 * `validation_failed`, `unauthenticated` once the session has ended).
 */
export type SubscriptionAck = { ok: true } | { ok: false; error: string };

// Keyed by the constants above, so a name is spelled once and the payloads follow it.
export interface ServerToClientEvents extends WorkshopServerToClientEvents {
  [SERVER_EVENTS.documentChanged]: (payload: DocumentChangedEvent) => void;
  [SERVER_EVENTS.activityAdded]: (payload: ActivityAddedEvent) => void;
  [SERVER_EVENTS.threadChanged]: (payload: ThreadChangedEvent) => void;
  [SERVER_EVENTS.notificationAdded]: (payload: NotificationAddedEvent) => void;
  [SERVER_EVENTS.notificationsRead]: (payload: NotificationsReadEvent) => void;
  [SERVER_EVENTS.versionAdded]: (payload: VersionAddedEvent) => void;
  [SERVER_EVENTS.reviewChanged]: (payload: ReviewChangedEvent) => void;
  [SERVER_EVENTS.sessionEnded]: (payload: SessionEndedEvent) => void;
  [SERVER_EVENTS.workshopStatusChanged]: (payload: WorkshopStatusChangedEvent) => void;
  [SERVER_EVENTS.assessmentChanged]: (payload: AssessmentChangedEvent) => void;
  [SERVER_EVENTS.signoffChanged]: (payload: SignoffChangedEvent) => void;
}

type SubscriptionHandler = (payload: unknown, ack: (result: SubscriptionAck) => void) => void;

export interface ClientToServerEvents extends WorkshopClientToServerEvents {
  [CLIENT_EVENTS.subscribeDocument]: SubscriptionHandler;
  [CLIENT_EVENTS.unsubscribeDocument]: SubscriptionHandler;
  [CLIENT_EVENTS.subscribePriority]: SubscriptionHandler;
  [CLIENT_EVENTS.unsubscribePriority]: SubscriptionHandler;
}
