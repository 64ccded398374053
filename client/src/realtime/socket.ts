import type { ClientToServerEvents, ServerToClientEvents } from '@polisee/contracts';
import { io, type Socket } from 'socket.io-client';

export type AppSocket = Socket<ServerToClientEvents, ClientToServerEvents>;

/**
 * One socket for the signed-in session. Same origin as the page, authenticated by the session
 * cookie; the server refuses connections without one, so this is only opened after login.
 */
export function connectSocket(): AppSocket {
  // The default transports (long-polling first, then upgrade) also get through proxies that
  // refuse websockets; the session cookie authenticates both.
  return io({ path: '/socket.io', withCredentials: true });
}
