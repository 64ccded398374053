import { relativePositionToAbsolutePosition, ySyncPluginKey } from '@tiptap/y-tiptap';
import type { EditorState } from '@tiptap/pm/state';
import * as Y from 'yjs';

export interface AuthorshipRange {
  from: number;
  to: number;
  clientId: number;
}

interface SyncState {
  type: Y.XmlFragment;
  doc: Y.Doc;
  binding: { mapping: Map<Y.AbstractType<unknown>, unknown> };
}

/**
 * The editor's text as ranges written by one Yjs client each (decision 0069): every live run of
 * characters in the shared fragment, located in the ProseMirror document through the binding's
 * own mapping (y-tiptap's relative-position helpers), as comment anchors are.
 */
export function authorshipRanges(state: EditorState): AuthorshipRange[] {
  const sync = ySyncPluginKey.getState(state) as SyncState | undefined;
  if (!sync?.binding || !sync.type.doc) return [];
  const doc = sync.type.doc;
  const mapping = sync.binding.mapping as never;
  const ranges: AuthorshipRange[] = [];
  const toPos = (text: Y.XmlText, index: number) =>
    relativePositionToAbsolutePosition(
      doc,
      sync.type,
      Y.createRelativePositionFromTypeIndex(text, index),
      mapping,
    );
  const visit = (type: Y.XmlFragment | Y.XmlElement | Y.XmlText) => {
    if (type instanceof Y.XmlText) {
      let index = 0;
      for (let item = type._start; item !== null; item = item.right) {
        if (item.deleted || !item.countable) continue;
        if (item.content instanceof Y.ContentString) {
          const from = toPos(type, index);
          const to = toPos(type, index + item.length);
          if (from !== null && to !== null && to > from)
            ranges.push({ from, to, clientId: item.id.client });
        }
        index += item.length;
      }
      return;
    }
    for (const child of type.toArray())
      if (child instanceof Y.XmlElement || child instanceof Y.XmlText) visit(child);
  };
  visit(sync.type);
  return ranges;
}
