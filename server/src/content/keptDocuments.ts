import * as Y from 'yjs';
import type { StoredDocumentState } from '../store/ports.js';
import { decodeStoredState } from './yjsContent.js';

export interface KeptDocumentLimits {
  /** How many rebuilt documents are kept at most (the least recently read goes first)… */
  documents: number;
  /** …and how many bytes of stored state they may add up to; a larger one is not kept. */
  bytes: number;
}

interface Kept {
  ydoc: Y.Doc;
  snapshotSeq: number;
  /** Every log entry applied since the snapshot, by sequence. */
  applied: Set<number>;
  bytes: number;
}

/**
 * Documents rebuilt from their stored state, kept between reads: the next read of the same
 * document applies only the log entries written since. The search index reads a document being
 * edited every 1.5 s, and rebuilding it each time from its snapshot was three quarters of the
 * read (decision 0099).
 *
 * A kept document is only ever added to, as the log is: a compaction (a new snapshot sequence)
 * rebuilds it. Applied entries are remembered one by one, not as a high-water mark: with
 * several processes appending to MongoDB, an entry can land after one with a higher sequence.
 */
export class KeptDocuments {
  /** In the order they were last read: the first is the next to go. */
  private readonly kept = new Map<string, Kept>();
  private keptBytes = 0;

  constructor(private readonly limits: KeptDocumentLimits) {}

  /** Runs `read` on the document as stored. It must not change the document. */
  read<T>(documentId: string, stored: StoredDocumentState, read: (ydoc: Y.Doc) => T): T {
    let doc = this.take(documentId);
    if (doc && doc.snapshotSeq !== stored.snapshotSeq) {
      doc.ydoc.destroy();
      doc = null;
    }
    doc ??= rebuild(stored);
    try {
      // Only what a kept document lacks: a rebuilt one has applied every entry already.
      for (const { seq, update } of stored.updates) {
        if (doc.applied.has(seq)) continue;
        Y.applyUpdate(doc.ydoc, update);
        doc.applied.add(seq);
        doc.bytes += update.byteLength;
      }
      const result = read(doc.ydoc);
      this.keep(documentId, doc);
      return result;
    } catch (err) {
      // Half applied, or unreadable: the next read rebuilds it from the store.
      doc.ydoc.destroy();
      throw err;
    }
  }

  /** How many documents are kept now (tests). */
  get size(): number {
    return this.kept.size;
  }

  private take(documentId: string): Kept | null {
    const doc = this.kept.get(documentId);
    if (!doc) return null;
    this.kept.delete(documentId);
    this.keptBytes -= doc.bytes;
    return doc;
  }

  private keep(documentId: string, doc: Kept) {
    if (doc.bytes > this.limits.bytes) {
      doc.ydoc.destroy();
      return;
    }
    this.kept.set(documentId, doc);
    this.keptBytes += doc.bytes;
    for (const [id, oldest] of this.kept) {
      if (this.kept.size <= this.limits.documents && this.keptBytes <= this.limits.bytes) break;
      this.take(id);
      oldest.ydoc.destroy();
    }
  }
}

/** A document rebuilt as every stored one is read, with what it was built from. */
function rebuild(stored: StoredDocumentState): Kept {
  const { snapshot, snapshotSeq, updates } = stored;
  return {
    ydoc: decodeStoredState(stored),
    snapshotSeq,
    applied: new Set(updates.map((u) => u.seq)),
    bytes: updates.reduce((n, u) => n + u.update.byteLength, snapshot?.byteLength ?? 0),
  };
}
