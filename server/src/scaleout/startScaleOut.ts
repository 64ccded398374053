import { randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { RoomManager } from '../collab/RoomManager.js';
import type { DocumentStateRepo } from '../store/ports.js';
import { DocumentStreams } from './documentStreams.js';
import { RoomRelay } from './RoomRelay.js';

export interface ScaleOut {
  processId: string;
  close(): Promise<void>;
}

/**
 * Several server processes serving the same documents (REDIS_URL set): this process's rooms
 * are joined to one Redis stream per document. Without REDIS_URL nothing here runs and a
 * single process works on its own, as it always did.
 */
export async function startScaleOut(
  redisUrl: string,
  rooms: RoomManager,
  repo: DocumentStateRepo,
  logger: Logger,
): Promise<ScaleOut> {
  const processId = randomUUID();
  // Auto-pipelining: the appends of every room that flushed in one turn of the event loop go
  // out in one write (ioredis sends them at setImmediate), so a busy process makes fewer, fuller
  // round trips to Redis and wakes the other processes' readers less often.
  const commands = new Redis(redisUrl, { lazyConnect: true, enableAutoPipelining: true });
  // A blocked read holds its connection: reads get one of their own, whose commands wait
  // through a reconnection instead of failing.
  const reader = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: null });
  for (const [name, client] of [
    ['commands', commands],
    ['reader', reader],
  ] as const) {
    client.on('error', (err: Error) =>
      logger.debug({ err, connection: name }, 'scale-out: Redis connection error'),
    );
  }
  // Fails the start when Redis cannot be reached at all: better than a process that serves
  // documents nobody else sees.
  await Promise.all([commands.connect(), reader.connect()]);
  const streams = new DocumentStreams(commands, reader, processId, logger);
  const relay = new RoomRelay(rooms, streams, commands, repo, processId, logger);
  logger.info({ processId }, 'scale-out: serving documents with the other processes through Redis');
  return {
    processId,
    async close() {
      await relay.close();
      await streams.close();
      commands.disconnect();
    },
  };
}
