import { AppError } from '@polisee/domain';
import { decodeStoredState } from '../content/yjsContent.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import type { DocumentStateRepo } from '../store/ports.js';
import type { RoomManager } from './RoomManager.js';
import { RoomLoadError } from './RoomManager.js';

/** The origin of changes the server makes itself (comment anchors, restores), as seen by the rooms. */
export const SERVER_ORIGIN = Symbol('server');

/** Who changed which document since its last version (the VersionRecorder keeps that). */
export interface ContributorSource {
  take(documentId: string): string[];
}

/**
 * Server-side access to live documents. A change opens the room (loaded if nobody has the
 * document open), applies it in one transaction — so it is broadcast and written to the update
 * log like any edit — and releases it, which unloads it once durable if nobody joined
 * meanwhile. A read uses the open room when there is one, else the stored state, and never
 * loads a room.
 */
export function liveDocumentsOver(
  rooms: RoomManager,
  stored: DocumentStateRepo,
  contributors: ContributorSource,
): LiveDocuments {
  return {
    async change(documentId, change) {
      try {
        // Made inside open(), while the room is certainly live: never on a doc that an unload
        // has just let go of (its changes would be written by nobody).
        return await rooms.open(documentId, (room) => {
          try {
            return change(room.current, SERVER_ORIGIN);
          } finally {
            rooms.release(room);
          }
        });
      } catch (err) {
        if (err instanceof RoomLoadError && err.reason === 'not_found') {
          throw new AppError('not_found', 'No such document.');
        }
        throw err;
      }
    },

    async read(documentId, read) {
      const room = rooms.room(documentId);
      if (room && !room.destroyed) return read(room.current);
      // A room that is unloading may still be writing its last changes (a server change made
      // just before): the stored state has them only once it is done.
      await rooms.unloaded(documentId);
      const state = await stored.load(documentId);
      // A room may have opened while the state loaded: it holds the newer content.
      const opened = rooms.room(documentId);
      if (opened && !opened.destroyed) return read(opened.current);
      if (!state) throw new AppError('not_found', 'No such document.');
      const doc = decodeStoredState(state);
      try {
        return read(doc);
      } finally {
        doc.destroy();
      }
    },

    readOpen(documentId, read) {
      const room = rooms.room(documentId);
      if (!room || room.destroyed || !room.loaded) return undefined;
      return read(room.current);
    },

    takeContributors(documentId) {
      return contributors.take(documentId);
    },
  };
}
