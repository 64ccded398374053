import type { Editor } from '@tiptap/core';
import { useEffect } from 'react';
import { useSearchParams } from 'react-router';
import { scrollBehavior } from '../../../ui/motion';
import { bindingOf, resolveSectionAnchor } from '../../workshops/live/sectionAnchor';

/** A heading not found by then (never synced, or deleted) is given up on. */
const GIVE_UP_MS = 15_000;

/**
 * Opens a document at `?section=<anchor>` (a scenario's link to a plan section): once the
 * anchor resolves in the live editor, the heading it names now is scrolled to the top, once.
 * The document may still be syncing, so the anchor is tried again after each change until it
 * resolves, as the workshop page does for its places.
 */
export function useSectionParam(editor: Editor | null) {
  const [params] = useSearchParams();
  const anchor = params.get('section');

  useEffect(() => {
    if (!editor || !anchor) return;
    const tryGo = (): boolean => {
      if (editor.isDestroyed) return true;
      const binding = bindingOf(editor.state);
      if (!binding) return false;
      const pos = resolveSectionAnchor(anchor, binding, editor.state.doc);
      const element = pos === null ? null : editor.view.nodeDOM(pos);
      if (!(element instanceof HTMLElement)) return false;
      element.scrollIntoView({ behavior: scrollBehavior(), block: 'start' });
      return true;
    };
    if (tryGo()) return;
    const retry = () => {
      if (tryGo()) stop();
    };
    const timer = window.setTimeout(() => stop(), GIVE_UP_MS);
    const stop = () => {
      window.clearTimeout(timer);
      editor.off('transaction', retry);
    };
    editor.on('transaction', retry);
    return stop;
  }, [editor, anchor]);
}
