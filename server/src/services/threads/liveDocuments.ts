import type * as Y from 'yjs';

/**
 * What the thread service needs from the collaboration rooms: to change a document's live
 * Y.Doc as the server, so the change is broadcast to everyone connected and made durable like
 * any edit. Implemented over the RoomManager in `collab/`; the services never see a room.
 */
export interface LiveDocuments {
  change<T>(documentId: string, change: (doc: Y.Doc, origin: unknown) => T): Promise<T>;
}
