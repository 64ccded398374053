import type { LiveDocuments } from '../services/threads/liveDocuments.js';
import type { RoomManager } from './RoomManager.js';
import { RoomLoadError } from './RoomManager.js';
import { AppError } from '@polisee/domain';

/** The origin of changes the server makes itself (comment anchors), as seen by the rooms. */
export const SERVER_ORIGIN = Symbol('server');

/**
 * Server-side changes to a live document. The room is opened (loaded if nobody has the
 * document open), changed in one transaction — so it is broadcast and written to the update
 * log like any edit — and released, which unloads it once durable if nobody joined meanwhile.
 */
export function liveDocumentsOver(rooms: RoomManager): LiveDocuments {
  return {
    async change(documentId, change) {
      let room;
      try {
        room = await rooms.open(documentId);
      } catch (err) {
        if (err instanceof RoomLoadError && err.reason === 'not_found') {
          throw new AppError('not_found', 'No such document.');
        }
        throw err;
      }
      try {
        return change(room.doc, SERVER_ORIGIN);
      } finally {
        rooms.release(room);
      }
    },
  };
}
