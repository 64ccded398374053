import type { Editor } from '@tiptap/core';
import { absolutePositionToRelativePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import * as Y from 'yjs';

export interface SelectionAnchor {
  /** Base64 Yjs relative positions: they name characters, so they survive concurrent edits. */
  from: string;
  to: string;
  /** The selected text, shown in the composer until the server answers with its own quote. */
  quote: string;
}

function toBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * The editor's selection as a thread anchor, through the Collaboration binding's own mapping.
 * Null when nothing (or only whitespace) is selected.
 */
export function selectionAnchor(editor: Editor): SelectionAnchor | null {
  const { from, to, empty } = editor.state.selection;
  if (empty) return null;
  return rangeAnchor(editor, from, to);
}

/** Any range of the document as a thread anchor (a suggestion's text, say). */
export function rangeAnchor(editor: Editor, from: number, to: number): SelectionAnchor | null {
  const quote = editor.state.doc.textBetween(from, to, '\n', ' ');
  if (quote.trim() === '') return null;
  const sync = ySyncPluginKey.getState(editor.state) as
    | { type: Y.XmlFragment; binding: { mapping: Map<Y.AbstractType<unknown>, unknown> } }
    | undefined;
  if (!sync?.binding) return null;
  const encode = (pos: number) =>
    toBase64(
      Y.encodeRelativePosition(
        absolutePositionToRelativePosition(pos, sync.type, sync.binding.mapping as never),
      ),
    );
  return { from: encode(from), to: encode(to), quote };
}
