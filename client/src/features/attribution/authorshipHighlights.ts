import { Extension } from '@tiptap/core';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';
import { authorshipRanges } from './authorshipRanges';

/** Client id → the organisation that wrote under it, and its colour. */
export type AuthorshipColours = ReadonlyMap<number, { colour: string; organisationId: string }>;

export const authorshipKey = new PluginKey<DecorationSet>('authorship');

/** The decorations of the text written under each coloured client id; characters per organisation. */
export function authorshipDecorations(state: EditorState, colours: AuthorshipColours) {
  const decorations: Decoration[] = [];
  const characters = new Map<string, number>();
  for (const { from, to, clientId } of authorshipRanges(state)) {
    const author = colours.get(clientId);
    if (!author) continue;
    characters.set(author.organisationId, (characters.get(author.organisationId) ?? 0) + to - from);
    decorations.push(
      Decoration.inline(from, to, {
        class: 'authorship-text',
        // The tint and underline are drawn by attribution.css from this one colour.
        style: `--authorship-color: ${author.colour}`,
        'data-authorship-color': author.colour,
        'data-authorship-organisation': author.organisationId,
      }),
    );
  }
  return { set: DecorationSet.create(state.doc, decorations), characters };
}

/**
 * Colours the text by the organisation that wrote it (decision 0069). Reading the ranges walks
 * the Y.Doc, so the toggle recomputes them on a debounce and hands them over as the
 * transaction's meta (an empty set turns the view off); in between they map through each change.
 */
export const AuthorshipHighlights = Extension.create({
  name: 'authorshipHighlights',
  addProseMirrorPlugins() {
    return [
      new Plugin<DecorationSet>({
        key: authorshipKey,
        state: {
          init: () => DecorationSet.empty,
          apply(tr, set) {
            const next = tr.getMeta(authorshipKey) as DecorationSet | undefined;
            return next ?? set.map(tr.mapping, tr.doc);
          },
        },
        props: { decorations: (state) => authorshipKey.getState(state) },
      }),
    ];
  },
});
