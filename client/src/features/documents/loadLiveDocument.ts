/**
 * The live editor's code (TipTap, ProseMirror, Yjs and the block views): the largest part of the
 * client, fetched only where a document is open. One function, so that the route's early fetch
 * and the page's lazy component share the same module request.
 */
export const loadLiveDocument = () => import('./LiveDocument');
