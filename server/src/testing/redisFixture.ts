import { Redis } from 'ioredis';
import { afterAll, beforeAll } from 'vitest';
import { startTestRedis, type TestRedis } from './redisServer.js';

/**
 * For a describe block (or a file): a redis-server of its own, started before its tests and
 * stopped after them, with a connection for commands. Its fields are set once the tests run:
 * read them inside tests and hooks.
 */
export function useTestRedis(): { readonly redis: TestRedis; readonly commands: Redis } {
  const held = {} as { redis: TestRedis; commands: Redis };
  beforeAll(async () => {
    held.redis = await startTestRedis();
    held.commands = new Redis(held.redis.url);
  });
  afterAll(async () => {
    held.commands?.disconnect();
    await held.redis?.stop();
  });
  return held;
}
