import { loadLiveDocument } from '../features/documents/loadLiveDocument';

/** A document's own page (not the new-document form, its history or its published view). */
const DOCUMENT_PAGE = /^\/documents\/(?!new\/?$)[^/]+\/?$/;

/*
 * Evaluated before the rest of the app (see main.tsx): when the address is a document, its
 * editor's code starts downloading and compiling now, beside the app's own start-up, instead
 * of once the router has run (on a first visit that is about a third of a second later).
 */
if (DOCUMENT_PAGE.test(window.location.pathname)) loadLiveDocument().catch(() => undefined);
