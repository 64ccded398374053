import {
  METHOD_BLOCK_CHILD_TYPES,
  METHOD_BLOCK_TYPES,
  type MethodBlockType,
} from '@polisee/editor-schema';
import type { Editor, Range } from '@tiptap/core';
import type { EditorState } from '@tiptap/pm/state';
import { NEW_BLOCK } from './blockCatalog';

const INSIDE_A_BLOCK = new Set<string>([...METHOD_BLOCK_TYPES, ...METHOD_BLOCK_CHILD_TYPES]);

/** A block goes between paragraphs, never inside another block (a scenario's narrative). */
export function canInsertBlock(state: EditorState): boolean {
  const { $from } = state.selection;
  for (let depth = $from.depth; depth > 0; depth--) {
    if (INSIDE_A_BLOCK.has($from.node(depth).type.name)) return false;
  }
  return true;
}

/**
 * Inserts a new block at the selection (or in place of the slash command's text), in one
 * transaction, and puts the cursor in a paragraph after it so writing can go on.
 */
export function insertBlock(editor: Editor, type: MethodBlockType, range?: Range) {
  if (!canInsertBlock(editor.state)) return false;
  const chain = editor.chain().focus();
  if (range) chain.deleteRange(range);
  return chain
    .insertContent([NEW_BLOCK[type](), { type: 'paragraph' }])
    .scrollIntoView()
    .run();
}
