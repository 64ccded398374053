import { suggestChanges } from '@handlewithcare/prosemirror-suggest-changes';
import { Extension } from '@tiptap/core';
import { suggestTransaction } from './suggestTransaction';

export interface SuggestModeOptions {
  /** The signed-in user: every suggestion they make carries their id (decision 0056). */
  authorId: string;
  /** An edit that can only be suggested as a block change was refused (see `suggestsBlocks`). */
  onRefused: () => void;
}

/**
 * Suggestion mode (decision 0064): the library's plugin holds whether it is on, and this
 * extension's place in TipTap's dispatch chain turns the user's own edits into suggestions
 * before the Collaboration binding sees them, so the Y.Doc only ever receives marked text.
 */
export const SuggestMode = Extension.create<SuggestModeOptions>({
  name: 'suggestMode',

  addOptions() {
    return { authorId: '', onRefused: () => undefined };
  },

  addProseMirrorPlugins() {
    return [suggestChanges()];
  },

  dispatchTransaction({ transaction, next }) {
    const suggested = suggestTransaction(transaction, this.editor.state, {
      authorId: this.options.authorId,
    });
    if (suggested) next(suggested);
    else this.options.onRefused();
  },
});
