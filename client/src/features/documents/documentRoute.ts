import { presenceIdentity } from '@polisee/domain';
import type { QueryClient } from '@tanstack/react-query';
import type { LoaderFunctionArgs, ShouldRevalidateFunctionArgs } from 'react-router';
import { sessionQuery } from '../../api/auth';
import { documentQuery } from '../../api/documents';
import { loadLiveDocument } from './loadLiveDocument';

/**
 * The document page's route. Opening a document starts everything the page will wait for at
 * once, while the page's own code loads: the document's details, the editor's code, and the
 * collaboration session (device copy and socket), instead of one after the other once the page
 * has rendered (a five-block plan opens, editable, in ≤ 1.5 s).
 */
export function documentRoute(queryClient: QueryClient) {
  return {
    loader: ({ params }: LoaderFunctionArgs) => {
      const documentId = params.id;
      if (documentId) {
        // Not awaited: the page renders at once and shows the fetch in flight. A 401 here only
        // clears the session, which sends the user to the login page as the guard would.
        void queryClient.prefetchQuery(documentQuery(documentId));
        void openSessionEarly(queryClient, documentId);
      }
      // The page's lazy import retries and reports a failure; this early one stays quiet.
      loadLiveDocument().catch(() => undefined);
      return null;
    },
    // Only another document is worth starting again (not a changed ?section=).
    shouldRevalidate: ({ currentParams, nextParams }: ShouldRevalidateFunctionArgs) =>
      currentParams.id !== nextParams.id,
    lazy: async () => ({ Component: (await import('./DocumentPage')).DocumentPage }),
  };
}

async function openSessionEarly(queryClient: QueryClient, documentId: string) {
  try {
    const [session, early] = await Promise.all([
      queryClient.ensureQueryData(sessionQuery),
      import('../../collab/earlySessions'),
    ]);
    if (session) early.openEarly(documentId, presenceIdentity(session.user, session.organisation));
  } catch {
    // Nothing lost: the page opens its own session when it renders.
  }
}
