import { Extension } from '@tiptap/core';
import type { Mark, Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { suggestionRuns } from './pendingSuggestions';

/** How a suggestion looks: its organisation's colour and who made it when (a tooltip). */
export type DescribeSuggestion = (mark: Mark) => { color: string; title: string };

interface PluginState {
  describe: DescribeSuggestion | null;
  decorations: DecorationSet;
}

export const suggestionHighlightsKey = new PluginKey<PluginState>('suggestionHighlights');

function buildDecorations(doc: PMNode, describe: DescribeSuggestion | null) {
  if (!describe) return DecorationSet.empty;
  return DecorationSet.create(
    doc,
    suggestionRuns(doc).map(({ mark, from, to }) => {
      const { color, title } = describe(mark);
      return Decoration.inline(from, to, {
        class: 'suggestion-by',
        style: `--suggestion-color: ${color}`,
        title,
      });
    }),
  );
}

/** The plugin behind `SuggestionHighlights`, on its own so it can be tested without a view. */
export function suggestionHighlightsPlugin() {
  return new Plugin<PluginState>({
    key: suggestionHighlightsKey,
    state: {
      init: () => ({ describe: null, decorations: DecorationSet.empty }),
      apply: (tr, previous, _old, state) => {
        const describe = tr.getMeta(suggestionHighlightsKey) as DescribeSuggestion | undefined;
        if (describe) return { describe, decorations: buildDecorations(state.doc, describe) };
        if (!tr.docChanged) return previous;
        return { ...previous, decorations: buildDecorations(state.doc, previous.describe) };
      },
    },
    props: { decorations: (state) => suggestionHighlightsKey.getState(state)?.decorations },
  });
}

/**
 * Colours each suggestion by its author's organisation and names them on hover. Who is who
 * comes from the page (the working group's members) through `describe`, set by a meta.
 */
export const SuggestionHighlights = Extension.create({
  name: 'suggestionHighlights',
  addProseMirrorPlugins: () => [suggestionHighlightsPlugin()],
});
