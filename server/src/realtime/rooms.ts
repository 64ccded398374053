import { createHash } from 'node:crypto';
import type { ThematicPriority } from '@polisee/domain';
import { readableWorkingGroupIds, type Actor } from '../policies/policy.js';

/** socket.io room names: who hears what. */
export const groupRoom = (workingGroupId: string) => `wg:${workingGroupId}`;
export const ADMIN_ROOM = 'admins';
export const userRoom = (userId: string) => `user:${userId}`;
/**
 * One session's sockets, so that its end reaches them on every process (room names travel
 * through Redis with several processes: a digest, never the session id itself).
 */
export const sessionRoom = (sessionId: string) =>
  `session:${createHash('sha256').update(sessionId).digest('base64url')}`;
export const documentRoom = (documentId: string) => `doc:${documentId}`;
/** Priority rooms are per working group, so a priority's events only reach its readers. */
export const priorityRoom = (workingGroupId: string, priority: ThematicPriority) =>
  `wg:${workingGroupId}:priority:${priority}`;
export const adminPriorityRoom = (priority: ThematicPriority) => `admins:priority:${priority}`;
/** A live workshop's room: the connections that joined it (read access checked on joining). */
export const workshopRoom = (workshopId: string) => `workshop:${workshopId}`;

/**
 * Every room a socket belongs in, from the actor as loaded now and what the socket subscribed
 * to. `documents` must hold only documents already checked readable for this actor.
 */
export function roomsFor(
  actor: Actor,
  subscriptions: {
    documents: Iterable<string>;
    priorities: Iterable<ThematicPriority>;
    /** Workshops joined (each checked readable when joined). */
    workshops?: Iterable<string>;
    /** The session the socket rides on. */
    sessionId?: string;
  },
): Set<string> {
  const rooms = new Set([userRoom(actor.user.id)]);
  if (subscriptions.sessionId !== undefined) rooms.add(sessionRoom(subscriptions.sessionId));
  const groups = readableWorkingGroupIds(actor);
  const priorities = [...subscriptions.priorities];
  if (groups === undefined) {
    rooms.add(ADMIN_ROOM);
    for (const p of priorities) rooms.add(adminPriorityRoom(p));
  } else {
    for (const g of groups) {
      rooms.add(groupRoom(g));
      for (const p of priorities) rooms.add(priorityRoom(g, p));
    }
  }
  for (const documentId of subscriptions.documents) rooms.add(documentRoom(documentId));
  for (const workshopId of subscriptions.workshops ?? []) rooms.add(workshopRoom(workshopId));
  return rooms;
}
