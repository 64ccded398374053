import { CLIENT_EVENTS } from '@polisee/contracts';
import type { ThematicPriority } from '@polisee/domain';
import { useEffect } from 'react';
import type { AppSocket } from './socket';
import { useSocketStore } from './socketStore';

const EVENTS = {
  document: [CLIENT_EVENTS.subscribeDocument, CLIENT_EVENTS.unsubscribeDocument],
  priority: [CLIENT_EVENTS.subscribePriority, CLIENT_EVENTS.unsubscribePriority],
} as const;

/**
 * Subscribers per room and socket: the room is joined by the first and left by the last, so
 * two components following the same room never take it away from each other.
 */
const subscribers = new WeakMap<AppSocket, Map<string, number>>();

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
    const key = `${kind}:${id}`;
    const counts = subscribers.get(socket) ?? new Map<string, number>();
    subscribers.set(socket, counts);
    const first = (counts.get(key) ?? 0) === 0;
    counts.set(key, (counts.get(key) ?? 0) + 1);

    const join = () => socket.emit(subscribe, payload, () => undefined);
    if (first && socket.connected) join();
    // Every subscriber rejoins on reconnect; joining twice is harmless on the server.
    socket.on('connect', join);
    return () => {
      socket.off('connect', join);
      const left = (counts.get(key) ?? 1) - 1;
      if (left > 0) return void counts.set(key, left);
      counts.delete(key);
      if (socket.connected) socket.emit(unsubscribe, payload, () => undefined);
    };
  }, [socket, kind, id]);
}
