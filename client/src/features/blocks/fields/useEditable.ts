import type { Editor } from '@tiptap/core';
import { useEditorState } from '@tiptap/react';

/**
 * Whether the block shows its inputs: observers and the read-only views (versions,
 * comparisons) see the same block as text. Follows the editor when it turns read-only.
 */
export function useEditable(editor: Editor): boolean {
  return useEditorState({ editor, selector: ({ editor: e }) => e.isEditable }) ?? false;
}
