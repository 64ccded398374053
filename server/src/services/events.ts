import { EventEmitter } from 'node:events';
import type { Activity, PoliDocument } from '@polisee/domain';

/**
 * Domain events raised by services after a change is stored. Edges (socket.io, later the
 * collaboration rooms) subscribe; services never know who listens.
 */
export interface DomainEventMap {
  documentChanged: [doc: PoliDocument];
  activityAdded: [activity: Activity];
  membershipChanged: [change: { userId: string; workingGroupId: string }];
}

export class DomainEvents extends EventEmitter<DomainEventMap> {}
