import type { Logger } from 'pino';
import * as Y from 'yjs';
import type { StoredDocumentState } from '../store/ports.js';

/**
 * Applies a document's stored state to `doc`: the snapshot, then each entry of the update log.
 * A log entry that Yjs cannot read (bit rot, a torn or foreign write) is skipped and logged
 * with the document id and its sequence: one bad entry must not make the whole document
 * unloadable (decision 0068). A corrupt snapshot still throws: it holds everything up to its
 * sequence, and a room loaded without it would compact the loss into storage for good.
 * Returns the sequences skipped.
 */
export function applyStoredState(
  doc: Y.Doc,
  documentId: string,
  stored: StoredDocumentState,
  logger: Logger,
): number[] {
  if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot);
  const skipped: number[] = [];
  for (const { seq, update } of stored.updates) {
    try {
      Y.applyUpdate(doc, update);
    } catch (err) {
      skipped.push(seq);
      logger.error(
        { err, documentId, seq, bytes: update.byteLength },
        'skipped a stored document update that could not be read',
      );
    }
  }
  return skipped;
}

/** Whether Yjs can read `update`: checked before merging stored entries (a merge throws on one). */
export function isReadableUpdate(update: Uint8Array): boolean {
  try {
    Y.decodeUpdate(update);
    return true;
  } catch {
    return false;
  }
}
