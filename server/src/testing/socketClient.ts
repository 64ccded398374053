import {
  CLIENT_EVENTS,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type SubscriptionAck,
} from '@polisee/contracts';
import { io, type Socket } from 'socket.io-client';

export type TestSocket = Socket<ServerToClientEvents, ClientToServerEvents> & {
  /** Every event received, in order, by name. */
  received: { event: string; payload: unknown }[];
  request(event: keyof ClientToServerEvents, payload: unknown): Promise<SubscriptionAck>;
  /**
   * Resolves once the server has answered a request sent now: socket.io keeps one connection's
   * messages in order, so anything the server had sent this socket before is in `received`.
   * The barrier before asserting that nothing arrived (never a fixed sleep).
   */
  barrier(): Promise<void>;
};

/** A socket.io client with a browser's session cookie and Origin, recording what it receives. */
export async function connectSocket(
  baseUrl: string,
  cookie: string | null,
  /** As the browser does by default (long-polling, then an upgrade), e.g. through a proxy. */
  { transports = ['websocket'] }: { transports?: ('polling' | 'websocket')[] } = {},
): Promise<TestSocket> {
  const socket = io(baseUrl, {
    transports,
    extraHeaders: { origin: baseUrl, ...(cookie ? { cookie } : {}) },
    reconnection: false,
  }) as TestSocket;
  socket.received = [];
  socket.onAny((event: string, payload: unknown) => socket.received.push({ event, payload }));
  socket.request = (event, payload) =>
    new Promise((resolve) =>
      (socket.emit as (e: string, p: unknown, ack: (r: SubscriptionAck) => void) => void)(
        event,
        payload,
        resolve,
      ),
    );
  socket.barrier = async () => {
    await socket.request(CLIENT_EVENTS.unsubscribeDocument, { documentId: 'barrier' });
  };
  await new Promise<void>((resolve, reject) => {
    socket.once('connect', () => resolve());
    socket.once('connect_error', reject);
  });
  return socket;
}
