import type { JSONContent } from '@polisee/editor-schema';
import type { Damage } from './documentRepair.js';
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
    let damage: Damage[] = [];
    const content = ydocToContent(ydoc, (found) => (damage = found));
    return { ...content, damage };
  } finally {
    ydoc.destroy();
  }
}
