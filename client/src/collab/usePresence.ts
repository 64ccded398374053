import type { PresenceIdentity } from '@polisee/domain';
import { useEffect, useState } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import { presenceKey, presentUsers, type PresentUser } from './presence';

/**
 * Everyone connected to the document, one entry per user, yourself first. Re-renders only
 * when someone arrives, leaves or changes name, not on every cursor move.
 */
export function usePresence(
  provider: WebsocketProvider | null,
  self: PresenceIdentity,
  locale: string,
): PresentUser[] {
  const [users, setUsers] = useState<PresentUser[]>(() => presentUsers([], self, locale));

  useEffect(() => {
    let lastKey = '';
    const refresh = () => {
      const next = presentUsers(provider?.awareness.getStates() ?? [], self, locale);
      const key = presenceKey(next);
      if (key === lastKey) return;
      lastKey = key;
      setUsers(next);
    };
    refresh();
    if (!provider) return;
    provider.awareness.on('change', refresh);
    return () => provider.awareness.off('change', refresh);
  }, [provider, self, locale]);

  return users;
}
