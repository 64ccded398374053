import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import { absolutePositionToRelativePosition, initProseMirrorDoc } from 'y-prosemirror';
import * as Y from 'yjs';

const schema = buildSchema();

/**
 * The anchor a client sends to start a thread on `text` (its first occurrence): the selection
 * as base64 Yjs relative positions, computed as the editor's binding computes them.
 */
export function anchorOn(ydoc: Y.Doc, text: string): { from: string; to: string } {
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  let from = -1;
  doc.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(text) : -1;
    if (from === -1 && at >= 0) from = pos + at;
    return from === -1;
  });
  if (from === -1) throw new Error(`"${text}" is not in the document`);
  const encode = (pos: number) =>
    Buffer.from(
      Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping)),
    ).toString('base64');
  return { from: encode(from), to: encode(from + text.length) };
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
