import {
  ActivityAddedEventSchema,
  AssessmentChangedEventSchema,
  DocumentChangedEventSchema,
  NotificationAddedEventSchema,
  NotificationsReadEventSchema,
  REALTIME_CONNECT_ERRORS,
  ReviewChangedEventSchema,
  SignoffChangedEventSchema,
  SERVER_EVENTS,
  WorkshopStatusChangedEventSchema,
  SessionEndedEventSchema,
  ThreadChangedEventSchema,
  VersionAddedEventSchema,
} from '@polisee/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect } from 'react';
import { queryKeys } from '../api/queryKeys';
import { connectSocket } from './socket';
import { useSocketStore } from './socketStore';
import { upsertDocumentThread } from './threadCache';

/**
 * Keeps cached server state fresh while someone is signed in. Catalogue events carry only ids,
 * and the client refetches through REST, where authorisation lives; thread events carry the
 * whole thread (the server only sends them to readers) and are written into the cache as is.
 * `connectionKey` names the session and its working groups: the server joins rooms on connect,
 * so a new membership needs a new connection. `null` closes the socket (logged out).
 */
export function useRealtimeInvalidation(connectionKey: string | null) {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!connectionKey) return;
    const socket = connectSocket();
    useSocketStore.setState({ socket });

    socket.on(SERVER_EVENTS.documentChanged, (payload) => {
      // Validate at the edge: a malformed event is ignored rather than trusted.
      if (!DocumentChangedEventSchema.safeParse(payload).success) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.documents.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
    });

    socket.on(SERVER_EVENTS.workshopStatusChanged, (payload) => {
      if (!WorkshopStatusChangedEventSchema.safeParse(payload).success) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.workshops.all });
    });

    socket.on(SERVER_EVENTS.activityAdded, (payload) => {
      if (!ActivityAddedEventSchema.safeParse(payload).success) return;
      void queryClient.invalidateQueries({ queryKey: queryKeys.activity.all });
    });

    socket.on(SERVER_EVENTS.threadChanged, (payload) => {
      const parsed = ThreadChangedEventSchema.safeParse(payload);
      if (!parsed.success) return;
      upsertDocumentThread(queryClient, parsed.data.thread);
      // Inbox rows carry per-reader state (unread): refetch them rather than guess.
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all });
    });

    socket.on(SERVER_EVENTS.versionAdded, (payload) => {
      const parsed = VersionAddedEventSchema.safeParse(payload);
      if (!parsed.success) return;
      void queryClient.invalidateQueries({
        queryKey: queryKeys.documents.versions(parsed.data.documentId),
      });
    });

    socket.on(SERVER_EVENTS.assessmentChanged, (payload) => {
      const parsed = AssessmentChangedEventSchema.safeParse(payload);
      if (!parsed.success) return;
      // Ids only, never a score: refetch the reader's own view (scorer count, reveal, round).
      const { documentId, matrixId } = parsed.data;
      void queryClient.invalidateQueries({
        queryKey: queryKeys.documents.assessment(documentId, matrixId),
      });
    });

    socket.on(SERVER_EVENTS.reviewChanged, (payload) => {
      const parsed = ReviewChangedEventSchema.safeParse(payload);
      if (!parsed.success) return;
      // A round moves the document's status too: its detail, reviews and history.
      void queryClient.invalidateQueries({
        queryKey: queryKeys.documents.detail(parsed.data.documentId),
      });
    });

    socket.on(SERVER_EVENTS.signoffChanged, (payload) => {
      const parsed = SignoffChangedEventSchema.safeParse(payload);
      if (!parsed.success) return;
      // The document's sign-offs (under its detail key) and the catalogue's chips.
      void queryClient.invalidateQueries({
        queryKey: [...queryKeys.documents.detail(parsed.data.documentId), 'signoffs'],
      });
      void queryClient.invalidateQueries({ queryKey: ['signoffs'] });
    });

    socket.on(SERVER_EVENTS.notificationAdded, (payload) => {
      const parsed = NotificationAddedEventSchema.safeParse(payload);
      if (!parsed.success) return;
      queryClient.setQueryData(queryKeys.notifications.unreadCount(), parsed.data.unreadCount);
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.lists() });
      // A notification always means one of the reader's threads changed: the inbox badge
      // follows even on pages that joined no priority room.
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all });
    });

    socket.on(SERVER_EVENTS.notificationsRead, (payload) => {
      const parsed = NotificationsReadEventSchema.safeParse(payload);
      if (!parsed.success) return;
      queryClient.setQueryData(queryKeys.notifications.unreadCount(), parsed.data.unreadCount);
      void queryClient.invalidateQueries({ queryKey: queryKeys.notifications.lists() });
    });

    // Events missed while disconnected are gone: refetch what they would have refreshed.
    const refetchLive = () => {
      for (const queryKey of [
        queryKeys.documents.all,
        queryKeys.activity.all,
        queryKeys.threads.all,
        queryKeys.inbox.all,
        queryKeys.notifications.all,
      ]) {
        void queryClient.invalidateQueries({ queryKey });
      }
    };
    socket.io.on('reconnect', refetchLive);

    // The server ended this socket's session (signed out, password changed, expired, removed)
    // and closes it for good right after. Once closed, ask who we are now: a 401 forgets the
    // session and the route guard sends the user to sign in; the tab that changed the password
    // holds the new session, so it reconnects with it.
    socket.on(SERVER_EVENTS.sessionEnded, (payload) => {
      if (!SessionEndedEventSchema.safeParse(payload).success) return;
      socket.once('disconnect', () => {
        void queryClient.invalidateQueries({ queryKey: queryKeys.session }).then(() => {
          if (!queryClient.getQueryData(queryKeys.session) || socket.connected) return;
          socket.connect();
          refetchLive();
        });
      });
    });
    socket.on('connect_error', (error) => {
      if (error.message === REALTIME_CONNECT_ERRORS.unauthenticated) {
        void queryClient.invalidateQueries({ queryKey: queryKeys.session });
      }
    });

    return () => {
      useSocketStore.setState({ socket: null });
      socket.removeAllListeners();
      socket.io.removeAllListeners();
      socket.disconnect();
    };
  }, [connectionKey, queryClient]);
}
