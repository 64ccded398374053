import { Extension, type Editor } from '@tiptap/core';

/**
 * A key for the action offered beside a selection (comment on it). The menu that offers it sits
 * after the document in the tab order, behind every checkbox of a task list in the text, so a
 * keyboard user needs a direct way: Ctrl+Alt+M (⌘+Option+M on a Mac), the key other editors use
 * for "comment".
 */
export const SELECTION_SHORTCUT = 'Mod-Alt-m';

/** The same key for `aria-keyshortcuts` and tooltips, spelled for this platform. */
export function selectionShortcutLabel(): string {
  return /Mac|iPhone|iPad/.test(navigator.platform) ? 'Meta+Alt+M' : 'Control+Alt+M';
}

export interface SelectionShortcutOptions {
  /** Called with a non-empty selection; false when nothing was done (the key passes through). */
  onShortcut: (editor: Editor) => boolean;
}

export const SelectionShortcut = Extension.create<SelectionShortcutOptions>({
  name: 'selectionShortcut',
  addOptions() {
    return { onShortcut: () => false };
  },
  addKeyboardShortcuts() {
    return {
      [SELECTION_SHORTCUT]: ({ editor }) => {
        if (editor.state.selection.empty) return false;
        return this.options.onShortcut(editor);
      },
    };
  },
});
