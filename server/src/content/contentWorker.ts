import type { JSONContent } from '@polisee/editor-schema';
import type * as Y from 'yjs';
import type { StoredDocumentState } from '../store/ports.js';
import type { Damage } from './documentRepair.js';
import { KeptDocuments } from './keptDocuments.js';
import { decodeStoredState, ydocToContent } from './yjsContent.js';

/** A stored document state as it crosses to a worker thread: plain bytes. */
export interface StoredStateBytes {
  snapshot: Uint8Array | null;
  updates: Uint8Array[];
}

export interface ReadContent {
  json: JSONContent;
  text: string;
  /** What the schema could not read and was skipped (the caller logs it). */
  damage: Damage[];
}

/** Rebuilds a stored document and reads its content. Runs inline or in a worker thread. */
export default function readStoredContent({ snapshot, updates }: StoredStateBytes): ReadContent {
  const ydoc = decodeStoredState({
    snapshot,
    snapshotSeq: 0,
    updates: updates.map((update, seq) => ({ seq, update })),
  });
  try {
    return readContent(ydoc);
  } finally {
    ydoc.destroy();
  }
}

/** A stored document read again as it grows (see ContentReader.readGrowing). */
export interface GrowingDocument {
  documentId: string;
  stored: StoredDocumentState;
}

/**
 * The documents this thread has rebuilt for background reads. The search index reads one
 * document at a time, each being edited by a workshop or two at once: eight cover the documents
 * being typed into on one process. A rebuilt document takes 4–45 times its stored bytes in
 * memory (45 for thousands of one-line paragraphs): 4 MiB of stored state holds at most ~180 MB.
 */
const kept = new KeptDocuments({ documents: 8, bytes: 4 * 1024 * 1024 });

/** Reads a document kept in this thread from its previous read, with what was stored since. */
export function readGrowingContent({ documentId, stored }: GrowingDocument): ReadContent {
  return kept.read(documentId, stored, readContent);
}

/** Reads a document's content as it stands; what the schema cannot read is reported as damage. */
export function readContent(ydoc: Y.Doc): ReadContent {
  let damage: Damage[] = [];
  const content = ydocToContent(ydoc, (found) => (damage = found));
  return { ...content, damage };
}
