import {
  FRAGMENT_NAME,
  readBlocks,
  type AssessmentMatrixData,
  type JSONContent,
} from '@polisee/editor-schema';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { LiveDocuments } from '../services/liveDocuments.js';

/**
 * The matrix as the document holds it now (the live room's doc, with edits not yet stored),
 * read headless by the editor schema's `readBlocks`; null when the document has no such matrix.
 * Rows and criteria are what a score may name; `allowObservers` is what the policy reads.
 */
export async function readMatrix(
  live: LiveDocuments,
  documentId: string,
  matrixId: string,
): Promise<AssessmentMatrixData | null> {
  // Plain JSON, never a ProseMirror node: `readBlocks` reads JSON and skips what it does not
  // know, so a scorer's every call does not pay for building (and checking) the whole document.
  const json = await live.read(
    documentId,
    (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FRAGMENT_NAME)) as JSONContent,
  );
  return readBlocks(json).matrices.find((m) => m.matrixId === matrixId) ?? null;
}
