import { useCallback } from 'react';
import { useSearchParams } from 'react-router';

/**
 * The open thread is the `?thread=` search parameter: a link from the inbox or a notification
 * opens the document at it, and the address bar always names what is shown.
 */
export function useActiveThread(): [string | null, (threadId: string | null) => void] {
  const [params, setParams] = useSearchParams();
  const active = params.get('thread');
  const setActive = useCallback(
    (threadId: string | null) =>
      setParams(
        (current) => {
          const next = new URLSearchParams(current);
          if (threadId) next.set('thread', threadId);
          else next.delete('thread');
          return next;
        },
        { replace: true },
      ),
    [setParams],
  );
  return [active, setActive];
}
