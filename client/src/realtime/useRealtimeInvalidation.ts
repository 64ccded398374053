import {
  ActivityAddedEventSchema,
  DocumentChangedEventSchema,
  SERVER_EVENTS,
} from '@polisee/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../api/queryKeys';
import { connectSocket } from './socket';

/**
 * Keeps cached server state fresh while someone is signed in: server events carry only ids,
 * and the client refetches through REST, where authorisation lives.
 * `connectionKey` names the session and its working groups: the server joins rooms on connect,
 * so a new membership needs a new connection. `null` closes the socket (logged out).
 */
export function useRealtimeInvalidation(connectionKey: string | null) {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!connectionKey) return;
    const socket = connectSocket();

    socket.on(SERVER_EVENTS.documentChanged, (payload) => {
      // Validate at the edge: a malformed event is ignored rather than trusted.
      if (!DocumentChangedEventSchema.safeParse(payload).success) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.documents.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
    });

    socket.on(SERVER_EVENTS.activityAdded, (payload) => {
      if (!ActivityAddedEventSchema.safeParse(payload).success) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
    });

    // Events missed while disconnected are gone: refetch what they would have refreshed.
    socket.io.on('reconnect', () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.documents.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
    });

    return () => {
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    };
  }, [connectionKey, queryClient]);
}
