import type { Editor } from '@tiptap/core';
import { TextSelection } from '@tiptap/pm/state';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { scrollBehavior } from '../../ui/motion';
import { findQuote } from './findQuote';
import { matchFromParams } from './hitLink';
import { matchHighlightKey, matchHighlightPlugin } from './matchHighlight';

/** A quote not found by then (never synced, or edited away) is given up on: the top it is. */
const GIVE_UP_MS = 15_000;

/**
 * Opens a document at a search hit (`?find=…`, see hitLink.ts): once the quote is in the live
 * editor, its text is selected, marked and scrolled to the middle of the view, once. The
 * document may still be syncing, so the quote is looked for again after each change until it
 * is found, as `useSectionParam` does for headings.
 */
export function useFindParam(editor: Editor | null) {
  const [params] = useSearchParams();
  const match = matchFromParams(params);
  const exact = match?.exact;
  const prefix = match?.prefix;
  const suffix = match?.suffix;

  useEffect(() => {
    if (!editor || editor.isDestroyed || !exact) return;
    const plugin = matchHighlightPlugin();
    editor.registerPlugin(plugin);
    const quote = { exact, prefix: prefix ?? '', suffix: suffix ?? '' };

    const tryGo = (): boolean => {
      if (editor.isDestroyed) return true;
      const range = findQuote(editor.state.doc, quote);
      if (!range) return false;
      // The selection is this reader's own (not shared text): a keyboard user goes on from the
      // match, and the comment-on-selection menu is one step away.
      const tr = editor.state.tr
        .setSelection(TextSelection.create(editor.state.doc, range.from, range.to))
        .setMeta(matchHighlightKey, range)
        .setMeta('addToHistory', false);
      editor.view.dispatch(tr);
      const { node } = editor.view.domAtPos(range.from + 1);
      const element = node instanceof Element ? node : node.parentElement;
      element?.scrollIntoView({ block: 'center', behavior: scrollBehavior() });
      return true;
    };

    const stop = () => {
      window.clearTimeout(timer);
      editor.off('update', retry);
    };
    const retry = () => {
      if (tryGo()) stop();
    };
    const timer = window.setTimeout(stop, GIVE_UP_MS);
    if (tryGo()) stop();
    else editor.on('update', retry);
    return () => {
      stop();
      if (!editor.isDestroyed) editor.unregisterPlugin(matchHighlightKey);
    };
  }, [editor, exact, prefix, suffix]);
}
