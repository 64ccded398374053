import { Transform } from '@tiptap/pm/transform';
import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import {
  absolutePositionToRelativePosition,
  initProseMirrorDoc,
  relativePositionToAbsolutePosition,
  updateYFragment,
  yXmlFragmentToProseMirrorRootNode,
} from 'y-prosemirror';
import * as Y from 'yjs';
import { readTolerantly, repairDocument, type DamageListener } from './documentRepair.js';

/** Built once: the schema is pure data derived from the shared extensions. */
const schema = buildSchema();
const markType = schema.marks.commentThread!;

/** Where a requested anchor could not be placed, and why (the client shows the reason). */
export type AnchorFailure = 'invalid_position' | 'empty_selection' | 'not_synced';

/**
 * Adds the `commentThread` mark over the text between two Yjs relative positions, on the
 * server's live Y.Doc, as one transaction. Returns the quoted text, or why it could not.
 * Relative positions name characters, not offsets, so the mark lands on the text the user
 * selected even if others typed since.
 */
export function addThreadMark(
  ydoc: Y.Doc,
  threadId: string,
  anchor: { from: Uint8Array; to: Uint8Array },
  origin: unknown,
  onDamage?: DamageListener,
): { quote: string } | { failure: AnchorFailure } {
  let fromPos: Y.RelativePosition;
  let toPos: Y.RelativePosition;
  try {
    fromPos = Y.decodeRelativePosition(anchor.from);
    toPos = Y.decodeRelativePosition(anchor.to);
  } catch {
    return { failure: 'invalid_position' };
  }
  // The binding below deletes elements it cannot read, and fails on values in the fragment:
  // damage stored before the schema guard is removed first, as a change of its own, and told.
  const repaired = repairDocument(ydoc, origin);
  if (repaired.length > 0) onDamage?.(repaired);
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const { doc, meta, mapping } = initProseMirrorDoc(fragment, schema);
  const refersToUnknownItem = (pos: Y.RelativePosition) =>
    pos.item !== null && Y.getState(ydoc.store, pos.item.client) <= pos.item.clock;
  // The client's selection names text the server has not received yet: ask it to retry once synced.
  if (refersToUnknownItem(fromPos) || refersToUnknownItem(toPos)) return { failure: 'not_synced' };
  let from: number | null;
  let to: number | null;
  try {
    from = relativePositionToAbsolutePosition(ydoc, fragment, fromPos, mapping);
    to = relativePositionToAbsolutePosition(ydoc, fragment, toPos, mapping);
  } catch {
    return { failure: 'invalid_position' };
  }
  if (from === null || to === null) return { failure: 'invalid_position' };
  if (from > to) [from, to] = [to, from];
  const size = doc.content.size;
  if (from < 0 || to > size) return { failure: 'invalid_position' };
  const quote = doc.textBetween(from, to, '\n', ' ');
  if (quote.trim() === '') return { failure: 'empty_selection' };

  const marked = new Transform(doc).addMark(from, to, markType.create({ threadId })).doc;
  ydoc.transact(() => updateYFragment(ydoc, fragment, marked, meta), origin);
  return { quote };
}

/** Ids of every thread whose mark still covers at least one character. */
export function anchoredThreadIds(ydoc: Y.Doc, onDamage?: DamageListener): Set<string> {
  // Never y-prosemirror's reader on the live document directly: it deletes, in the live
  // document, every element it cannot read (that was the "delete no client sent").
  const doc = readTolerantly(
    ydoc,
    (readable) => yXmlFragmentToProseMirrorRootNode(readable.getXmlFragment(FRAGMENT_NAME), schema),
    onDamage,
  );
  const ids = new Set<string>();
  doc.descendants((node) => {
    if (!node.isText) return true;
    for (const mark of node.marks) {
      if (mark.type === markType && typeof mark.attrs.threadId === 'string') {
        ids.add(mark.attrs.threadId);
      }
    }
    return false;
  });
  return ids;
}

/**
 * The anchor a client would send for the first occurrence of `text` (within one text node):
 * relative positions computed through the same mapping the editor binding uses. For seeding
 * and tests; null when the text is not there.
 */
export function anchorForText(
  ydoc: Y.Doc,
  text: string,
): { from: Uint8Array; to: Uint8Array } | null {
  const fragment = ydoc.getXmlFragment(FRAGMENT_NAME);
  const { doc, mapping } = initProseMirrorDoc(fragment, schema);
  let from = -1;
  doc.descendants((node, pos) => {
    const at = node.isText ? node.text!.indexOf(text) : -1;
    if (from === -1 && at >= 0) from = pos + at;
    return from === -1;
  });
  if (from === -1) return null;
  const encode = (pos: number) =>
    Y.encodeRelativePosition(absolutePositionToRelativePosition(pos, fragment, mapping));
  return { from: encode(from), to: encode(from + text.length) };
}
