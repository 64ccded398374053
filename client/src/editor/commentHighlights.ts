import { Extension } from '@tiptap/core';
import type { Node as PMNode } from '@tiptap/pm/model';
import { Plugin, PluginKey, type EditorState } from '@tiptap/pm/state';
import { Decoration, DecorationSet } from '@tiptap/pm/view';

/** Which threads are highlighted (open ones) and which one is active (open in the sidebar). */
export interface CommentHighlightState {
  visible: ReadonlySet<string>;
  active: string | null;
}

interface PluginState extends CommentHighlightState {
  decorations: DecorationSet;
}

export const commentHighlightsKey = new PluginKey<PluginState>('commentHighlights');

/** The thread ids of the `commentThread` marks on a text node. */
function threadIdsOf(node: PMNode): string[] {
  return node.marks.flatMap((mark) =>
    mark.type.name === 'commentThread' && typeof mark.attrs.threadId === 'string'
      ? [mark.attrs.threadId]
      : [],
  );
}

function buildDecorations(doc: PMNode, { visible, active }: CommentHighlightState) {
  const decorations: Decoration[] = [];
  doc.descendants((node, pos) => {
    if (!node.isText) return true;
    const ids = threadIdsOf(node).filter((id) => visible.has(id));
    if (ids.length > 0) {
      const classes = ['comment-highlight'];
      if (ids.length > 1) classes.push('comment-highlight-overlap');
      if (active && ids.includes(active)) classes.push('comment-highlight-active');
      decorations.push(Decoration.inline(pos, pos + node.nodeSize, { class: classes.join(' ') }));
    }
    return false;
  });
  return DecorationSet.create(doc, decorations);
}

/** Where a thread's text starts and ends in the current document (null once it is all deleted). */
export function threadRange(
  state: EditorState,
  threadId: string,
): { from: number; to: number } | null {
  let from = -1;
  let to = -1;
  state.doc.descendants((node, pos) => {
    if (!node.isText) return true;
    if (threadIdsOf(node).includes(threadId)) {
      if (from === -1) from = pos;
      to = pos + node.nodeSize;
    }
    return false;
  });
  return from === -1 ? null : { from, to };
}

/** The threads whose text overlaps a range, in document order (a suggestion's discussion). */
export function threadIdsBetween(doc: PMNode, from: number, to: number): string[] {
  const ids = new Set<string>();
  doc.nodesBetween(from, to, (node) => {
    if (!node.isText) return true;
    for (const id of threadIdsOf(node)) ids.add(id);
    return false;
  });
  return [...ids];
}

/** The plugin behind `CommentHighlights`, on its own so it can be tested without a view. */
export function commentHighlightsPlugin(onActivate: (threadId: string) => void) {
  return new Plugin<PluginState>({
    key: commentHighlightsKey,
    state: {
      init: (_, state) => {
        const initial = { visible: new Set<string>(), active: null };
        return { ...initial, decorations: buildDecorations(state.doc, initial) };
      },
      apply: (tr, previous, _old, state) => {
        const next = tr.getMeta(commentHighlightsKey) as CommentHighlightState | undefined;
        if (next) return { ...next, decorations: buildDecorations(state.doc, next) };
        if (!tr.docChanged) return previous;
        return { ...previous, decorations: buildDecorations(state.doc, previous) };
      },
    },
    props: {
      decorations: (state) => commentHighlightsKey.getState(state)?.decorations,
      handleClick: (view, pos) => {
        const plugin = commentHighlightsKey.getState(view.state);
        const $pos = view.state.doc.resolve(pos);
        const node = $pos.parent.childAfter($pos.parentOffset).node;
        const ids = node ? threadIdsOf(node).filter((id) => plugin?.visible.has(id)) : [];
        if (ids.length === 0) return false;
        // Overlapping threads: a second click on the same text moves to the next one.
        const current = plugin?.active ? ids.indexOf(plugin.active) : -1;
        onActivate(ids[(current + 1) % ids.length]!);
        return false;
      },
    },
  });
}

/**
 * Highlights the text of open comment threads (resolved ones keep their mark but are not
 * shown), marks the active one, and reports a click on highlighted text so its thread opens.
 * The marks come from the server inside the Y.Doc; this only decorates them.
 */
export const CommentHighlights = Extension.create<{ onActivate: (threadId: string) => void }>({
  name: 'commentHighlights',

  addOptions() {
    return { onActivate: () => undefined };
  },

  addProseMirrorPlugins() {
    return [commentHighlightsPlugin((threadId) => this.options.onActivate(threadId))];
  },
});
