import { blockIdOf, type JSONContent } from '@polisee/editor-schema';
import type { Editor } from '@tiptap/core';
import type { Node as PmNode } from '@tiptap/pm/model';

/**
 * Edits of a block's children, one child at a time (decision 0049): each is its own
 * transaction on that child, so Yjs merges two partners' edits of two rows instead of one
 * overwriting the other. Children are found by their id when the edit runs, never by a position
 * remembered at render time: a remote edit may have moved them since.
 */

type GetPos = () => number | undefined;

/** Position of the child with this id inside the block at `getPos()`, and the child. */
function findChild(editor: Editor, getPos: GetPos, childId: string) {
  const blockPos = getPos();
  if (blockPos === undefined) return null;
  const block = editor.state.doc.nodeAt(blockPos);
  if (!block) return null;
  let found: { pos: number; node: PmNode } | null = null;
  block.forEach((child, offset) => {
    if (!found && blockIdOf(child) === childId) found = { pos: blockPos + 1 + offset, node: child };
  });
  return found as { pos: number; node: PmNode } | null;
}

/** Sets attributes of one child; only the attributes named change. */
export function updateChild(
  editor: Editor,
  getPos: GetPos,
  childId: string,
  attributes: Record<string, unknown>,
) {
  const child = findChild(editor, getPos, childId);
  if (!child) return;
  const { tr } = editor.state;
  for (const [name, value] of Object.entries(attributes)) {
    if (child.node.attrs[name] !== value) tr.setNodeAttribute(child.pos, name, value);
  }
  if (tr.docChanged) editor.view.dispatch(tr);
}

/**
 * Inserts a new child (from an editor-schema factory) after the last child of its type, or
 * before the first child of `beforeType` when there is none yet (a board's first driver).
 */
export function insertChild(
  editor: Editor,
  getPos: GetPos,
  json: JSONContent,
  beforeTypes: string[] = [],
) {
  const blockPos = getPos();
  if (blockPos === undefined) return;
  const block = editor.state.doc.nodeAt(blockPos);
  if (!block) return;
  let at: number | null = null;
  let before: number | null = null;
  block.forEach((child, offset) => {
    if (child.type.name === json.type) at = offset + child.nodeSize;
    else if (before === null && beforeTypes.includes(child.type.name)) before = offset;
  });
  const offset = at ?? before ?? block.content.size;
  const node = editor.schema.nodeFromJSON(json);
  editor.view.dispatch(editor.state.tr.insert(blockPos + 1 + offset, node));
}

/** Deletes one child, unless it is the last of a kind the block needs at least one of. */
export function removeChild(editor: Editor, getPos: GetPos, childId: string) {
  const child = findChild(editor, getPos, childId);
  if (!child) return;
  const tr = editor.state.tr.delete(child.pos, child.pos + child.node.nodeSize);
  // The content expression decides (e.g. `matrixRow+`): a deletion it refuses is not sent.
  const blockPos = getPos();
  const block = blockPos === undefined ? null : tr.doc.nodeAt(blockPos);
  if (!block || block.type.validContent(block.content)) editor.view.dispatch(tr);
}

/** Sets attributes of the block itself (its title, a board's axes). */
export function updateBlock(editor: Editor, getPos: GetPos, attributes: Record<string, unknown>) {
  const blockPos = getPos();
  if (blockPos === undefined) return;
  const block = editor.state.doc.nodeAt(blockPos);
  if (!block) return;
  const { tr } = editor.state;
  for (const [name, value] of Object.entries(attributes)) {
    if (block.attrs[name] !== value) tr.setNodeAttribute(blockPos, name, value);
  }
  if (tr.docChanged) editor.view.dispatch(tr);
}

/** The children of a block of one type, in document order. */
export function childrenOf(block: PmNode, type: string): PmNode[] {
  const children: PmNode[] = [];
  block.forEach((child) => {
    if (child.type.name === type) children.push(child);
  });
  return children;
}
