import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import { initProseMirrorDoc } from 'y-prosemirror';
import type * as Y from 'yjs';
import { anchorForText } from '../content/commentAnchors.js';

const schema = buildSchema();

/**
 * The anchor a client sends to start a thread on `text` (its first occurrence): the selection
 * as base64 Yjs relative positions, computed as the editor's binding computes them.
 */
export function anchorOn(ydoc: Y.Doc, text: string): { from: string; to: string } {
  const anchor = anchorForText(ydoc, text);
  if (!anchor) throw new Error(`"${text}" is not in the document`);
  const base64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
  return { from: base64(anchor.from), to: base64(anchor.to) };
}

/** The text a thread's mark covers, in document order. */
export function markedText(ydoc: Y.Doc, threadId: string): string {
  const { doc } = initProseMirrorDoc(ydoc.getXmlFragment(FRAGMENT_NAME), schema);
  let text = '';
  doc.descendants((node) => {
    if (node.isText && node.marks.some((m) => m.attrs.threadId === threadId)) text += node.text;
    return true;
  });
  return text;
}
