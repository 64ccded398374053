import { EventEmitter } from 'node:events';
import type {
  Activity,
  DocumentVersion,
  Notification,
  PoliDocument,
  Review,
  ThematicPriority,
} from '@polisee/domain';
import type { ThreadView } from '@polisee/contracts';

/**
 * Domain events raised by services after a change is stored. Edges (socket.io, later the
 * collaboration rooms) subscribe; services never know who listens.
 */
export interface DomainEventMap {
  documentChanged: [doc: PoliDocument];
  activityAdded: [activity: Activity];
  membershipChanged: [change: { userId: string; workingGroupId: string }];
  threadChanged: [change: { thread: ThreadView; previousPriority: ThematicPriority | null }];
  notificationsAdded: [notifications: Notification[]];
  notificationsRead: [change: { userId: string }];
  versionAdded: [version: DocumentVersion];
  reviewChanged: [review: Review];
}

export class DomainEvents extends EventEmitter<DomainEventMap> {}
