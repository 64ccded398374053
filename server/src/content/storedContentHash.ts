import { createHash } from 'node:crypto';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import * as Y from 'yjs';
import type { StoredDocumentState } from '../store/ports.js';
import { canonicalJson } from './versionContent.js';
import { decodeStoredState } from './yjsContent.js';

/**
 * The content of a stored document as its readers see it, independent of how its state is
 * split into snapshot and log: sha256 of its state vector and the ProseMirror JSON of its
 * fragment. store:copy compares source and target with it (the store takes it from its caller).
 */
export function storedContentHash(state: StoredDocumentState): string {
  const ydoc = decodeStoredState(state);
  try {
    const json = yXmlFragmentToProsemirrorJSON(ydoc.getXmlFragment(FRAGMENT_NAME));
    return createHash('sha256')
      .update(
        Buffer.concat([Buffer.from(Y.encodeStateVector(ydoc)), Buffer.from(canonicalJson(json))]),
      )
      .digest('hex');
  } finally {
    ydoc.destroy();
  }
}
