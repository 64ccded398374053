import { FRAGMENT_NAME, readBlocks, type JSONContent } from '@polisee/editor-schema';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import type { LiveDocuments } from '../services/liveDocuments.js';

/**
 * Each matrix's title as the document holds it now. The revealed round's structure keeps rows
 * and criteria, not the title, so the drill-down reads the few documents it lists (never the
 * heatmap, which stays on the store alone).
 */
export async function readMatrixTitles(
  live: LiveDocuments,
  documentId: string,
): Promise<Map<string, string>> {
  // Plain JSON, as `readMatrix` reads it: `readBlocks` skips what it does not know.
  const json = await live.read(
    documentId,
    (doc) => yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FRAGMENT_NAME)) as JSONContent,
  );
  return new Map(readBlocks(json).matrices.map((m) => [m.matrixId, m.title]));
}
