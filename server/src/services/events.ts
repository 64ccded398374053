import { EventEmitter } from 'node:events';
import type {
  Activity,
  DocumentVersion,
  MembershipRole,
  Notification,
  PoliDocument,
  Review,
  ThematicPriority,
  Workshop,
  WorkshopOutcome,
} from '@polisee/domain';
import type { SessionEndReason, ThreadView } from '@polisee/contracts';

/**
 * Domain events raised by services after a change is stored. Edges (socket.io, later the
 * collaboration rooms) subscribe; services never know who listens.
 */
export interface DomainEventMap {
  documentChanged: [doc: PoliDocument];
  activityAdded: [activity: Activity];
  /** `by` and `role` (null: removed) when an administrator changed it (the audit log records it). */
  membershipChanged: [
    change: { userId: string; workingGroupId: string; by?: string; role?: MembershipRole | null },
  ];
  threadChanged: [change: { thread: ThreadView; previousPriority: ThematicPriority | null }];
  notificationsAdded: [notifications: Notification[]];
  notificationsRead: [change: { userId: string }];
  versionAdded: [version: DocumentVersion];
  reviewChanged: [review: Review];
  /** A sign-off request was made, answered, withdrawn or lapsed (decision 0065). */
  signoffChanged: [change: { documentId: string; requestId: string }];
  /** A workshop was created or its plan or live state changed (the room gets the new state). */
  workshopChanged: [workshop: Workshop];
  /** A workshop was planned, went live or ended: what its group's lists show changed. */
  workshopStatusChanged: [workshop: Workshop];
  /** A facilitator recorded a decision or an action (the workshop's room hears of it). */
  workshopOutcomeAdded: [outcome: WorkshopOutcome];
  /** A matrix's scoring changed: a score, a withdrawal, a reveal, a round (ids only). */
  assessmentChanged: [change: { documentId: string; matrixId: string }];
  /**
   * Sessions of a user ended (already gone from the store): only `sessionId` when it is set,
   * every one but `exceptSessionId` otherwise. Live connections on them must end at once.
   */
  sessionsEnded: [
    ended: {
      userId: string;
      sessionId?: string;
      exceptSessionId?: string;
      reason: SessionEndReason;
    },
  ];
}

export class DomainEvents extends EventEmitter<DomainEventMap> {}
