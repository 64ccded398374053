import type * as Y from 'yjs';

/**
 * What the services need from the collaboration rooms, without ever seeing a room. Implemented
 * over the RoomManager in `collab/` (`liveDocumentsOver`).
 */
export interface LiveDocuments {
  /**
   * Changes a document's live Y.Doc as the server, in one transaction with the given origin:
   * broadcast to everyone connected and made durable like any edit.
   */
  change<T>(documentId: string, change: (doc: Y.Doc, origin: unknown) => T): Promise<T>;
  /**
   * Reads the document as it is now — the open room's doc, with edits not yet written, or else
   * the stored state. `read` runs synchronously and must not keep the doc.
   */
  read<T>(documentId: string, read: (doc: Y.Doc) => T): Promise<T>;
  /**
   * Reads the document's open room on this process, if it has one whose doc is loaded, as `read`
   * does; `undefined` otherwise, and nothing is loaded. For background readers that would
   * rather read the store than load a room.
   */
  readOpen<T>(documentId: string, read: (doc: Y.Doc) => T): T | undefined;
  /**
   * The users whose edits reached the document since its last version, sorted; the list starts
   * afresh (the caller is taking a version now).
   */
  takeContributors(documentId: string): string[];
}
