import { createAdapter } from '@socket.io/redis-streams-adapter';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** The stream and channels of socket.io's events, beside the documents' streams. */
const EVENTS_KEY = 'polisee:events';

export interface SocketAdapter {
  /** For socket.io's `adapter` option: every namespace's events cross the processes. */
  adapter: ReturnType<typeof createAdapter>;
  close(): Promise<void>;
}

/**
 * socket.io's events shared by every process (REDIS_URL set), through
 * `@socket.io/redis-streams-adapter`: a broadcast to a room reaches the room's sockets on every
 * process, and `disconnectSockets` ends them wherever they are. Broadcasts go through one Redis
 * stream, read from the last id after a blip, so events sent meanwhile still arrive;
 * server-side emits and `fetchSockets` ride pub/sub and are lost during one.
 *
 * ioredis, not node-redis: node-redis does not resubscribe after a reconnection, which would
 * leave a process deaf to pub/sub for good after one Redis restart. The adapter duplicates this
 * client for its blocking reads and its subscriptions; socket.io closes those with the server.
 */
export async function startSocketAdapter(redisUrl: string, logger: Logger): Promise<SocketAdapter> {
  const client = new Redis(redisUrl, { lazyConnect: true });
  client.on('error', (err: Error) => logger.debug({ err }, 'socket.io: Redis connection error'));
  // Like the scale-out: a start without Redis fails, rather than serving events to this
  // process's clients alone.
  await client.connect();
  return {
    adapter: createAdapter(client, { streamName: EVENTS_KEY, channelPrefix: EVENTS_KEY }),
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
