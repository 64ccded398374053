import type { DocumentPlace } from '@polisee/contracts';
import type { Editor } from '@tiptap/core';
import { useEffect, type RefObject } from 'react';
import { useWorkshopLive } from '../../../stores/workshopLive';
import { scrollBehavior } from '../../../ui/motion';
import { headingNearestTop, headingsOf } from './headings';
import { bindingOf, encodeSectionAnchor, resolveSectionAnchor } from './sectionAnchor';

/** A heading this far from the top of the window counts as "where the reader is". */
const TOP_PX = 120;
/** A facilitator's place is sent at most this often while they scroll. */
const SEND_EVERY_MS = 500;
/** A place in a document that has not loaded by then is given up on. */
const GIVE_UP_MS = 15_000;

function headingElement(editor: Editor, pos: number): HTMLElement | null {
  const dom = editor.view.nodeDOM(pos);
  return dom instanceof HTMLElement ? dom : null;
}

/**
 * Moves the view to each place asked for (summon, follow, the agenda), once: after that the
 * reader may scroll away and stays where they went. The document may still be loading, so the
 * anchor is tried again after each change to it until it resolves. `done` outlives the shown
 * document, so switching documents by hand never replays an old request.
 */
export function useGoToPlace(
  editor: Editor | null,
  shownDocumentId: string,
  container: HTMLElement | null,
  done: RefObject<number | null>,
) {
  const request = useWorkshopLive((s) => s.placeRequest);

  useEffect(() => {
    if (!editor || !request || request.place.documentId !== shownDocumentId) return;
    if (done.current === request.nonce) return;
    const { anchor } = request.place;

    const tryGo = (): boolean => {
      if (editor.isDestroyed) return true;
      if (anchor === null) {
        container?.scrollIntoView({ behavior: scrollBehavior(), block: 'start' });
        return true;
      }
      const binding = bindingOf(editor.state);
      if (!binding) return false;
      const pos = resolveSectionAnchor(anchor, binding, editor.state.doc);
      const element = pos === null ? null : headingElement(editor, pos);
      if (!element) return false;
      element.scrollIntoView({ behavior: scrollBehavior(), block: 'start' });
      container?.setAttribute('data-place-anchor', anchor);
      return true;
    };

    if (tryGo()) {
      done.current = request.nonce;
      return;
    }
    const retry = () => {
      if (!tryGo()) return;
      done.current = request.nonce;
      stop();
    };
    const timer = window.setTimeout(() => stop(), GIVE_UP_MS);
    const stop = () => {
      window.clearTimeout(timer);
      editor.off('transaction', retry);
    };
    editor.on('transaction', retry);
    return stop;
  }, [editor, request, shownDocumentId, container, done]);
}

/** Where this page's view is: the heading nearest the top of the window, as a place. */
export function placeOf(editor: Editor, documentId: string): DocumentPlace {
  const binding = bindingOf(editor.state);
  if (!binding) return { documentId, anchor: null };
  const heading = headingNearestTop(
    headingsOf(editor.state.doc),
    (pos) => headingElement(editor, pos)?.getBoundingClientRect().top ?? null,
    TOP_PX,
  );
  return { documentId, anchor: heading ? encodeSectionAnchor(heading.pos, binding) : null };
}

/**
 * Lets the page read where the view is (for "bring everyone here"), and, for a facilitator,
 * sends it to followers as they scroll, throttled, and only when it moved to another heading.
 */
export function usePlaceReporting(
  editor: Editor | null,
  documentId: string,
  send: ((place: DocumentPlace) => void) | null,
) {
  const setProbePlace = useWorkshopLive((s) => s.setProbePlace);

  useEffect(() => {
    if (!editor) return;
    setProbePlace(() => (editor.isDestroyed ? null : placeOf(editor, documentId)));
    return () => setProbePlace(null);
  }, [editor, documentId, setProbePlace]);

  useEffect(() => {
    if (!editor || !send) return;
    let last: string | null | undefined;
    let timer: number | null = null;
    const report = () => {
      timer = null;
      if (editor.isDestroyed) return;
      const place = placeOf(editor, documentId);
      if (place.anchor === last) return;
      last = place.anchor;
      send(place);
    };
    const onScroll = () => {
      timer ??= window.setTimeout(report, SEND_EVERY_MS);
    };
    report();
    // Capture: the page or any scrolling box inside it may be what moves.
    window.addEventListener('scroll', onScroll, { capture: true, passive: true });
    return () => {
      window.removeEventListener('scroll', onScroll, { capture: true });
      if (timer !== null) window.clearTimeout(timer);
    };
  }, [editor, documentId, send]);
}
