import { CLIENT_EVENTS } from '@polisee/contracts';
import type { ThematicPriority } from '@polisee/domain';
import { useEffect } from 'react';
import { useSocketStore } from './socketStore';

const EVENTS = {
  document: [CLIENT_EVENTS.subscribeDocument, CLIENT_EVENTS.unsubscribeDocument],
  priority: [CLIENT_EVENTS.subscribePriority, CLIENT_EVENTS.unsubscribePriority],
} as const;

/**
 * Joins a live room while the component is mounted: a document's threads, or a priority
 * inbox. Rejoins after every reconnect (the server forgets rooms with the connection).
 */
export function useRoomSubscription(kind: 'document', documentId: string | null): void;
export function useRoomSubscription(kind: 'priority', priority: ThematicPriority | null): void;
export function useRoomSubscription(kind: 'document' | 'priority', id: string | null) {
  const socket = useSocketStore((s) => s.socket);

  useEffect(() => {
    if (!socket || !id) return;
    const [subscribe, unsubscribe] = EVENTS[kind];
    const payload = kind === 'document' ? { documentId: id } : { priority: id };
    const join = () => socket.emit(subscribe, payload, () => undefined);
    if (socket.connected) join();
    socket.on('connect', join);
    return () => {
      socket.off('connect', join);
      if (socket.connected) socket.emit(unsubscribe, payload, () => undefined);
    };
  }, [socket, kind, id]);
}
