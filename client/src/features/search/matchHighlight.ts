import { Plugin, PluginKey } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

export const matchHighlightKey = new PluginKey<DecorationSet>('searchMatchHighlight');

/** The class of the <mark> around the text a search result opened the document at. */
export const MATCH_CLASS = 'search-match';

/**
 * Marks the text a search hit opened the document at, as a decoration (never a change to the
 * shared document). It moves with edits around it and goes when a transaction says so (meta
 * `null`) or its text is deleted.
 */
export function matchHighlightPlugin() {
  return new Plugin<DecorationSet>({
    key: matchHighlightKey,
    state: {
      init: () => DecorationSet.empty,
      apply: (tr, previous) => {
        const next = tr.getMeta(matchHighlightKey) as
          { from: number; to: number } | null | undefined;
        if (next === null) return DecorationSet.empty;
        if (next) {
          return DecorationSet.create(tr.doc, [
            Decoration.inline(next.from, next.to, { nodeName: 'mark', class: MATCH_CLASS }),
          ]);
        }
        return previous.map(tr.mapping, tr.doc);
      },
    },
    props: {
      decorations: (state) => matchHighlightKey.getState(state),
    },
  });
}
