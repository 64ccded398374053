import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import { RateLimiterMemory, RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimiterStore } from '../services/limits/limiter.js';

/** Prefix of every limit counter in Redis, beside the documents' streams. */
const KEY_PREFIX = 'polisee:limit';
/**
 * A command that takes longer than this falls back to the insurance: a half-open connection
 * (no RST, as in a network partition) would otherwise hold every sign-in until TCP gives up.
 */
const COMMAND_TIMEOUT_MS = 1000;

export interface SharedLimiterStore {
  store: LimiterStore;
  close(): Promise<void>;
}

/**
 * Abuse limits counted together by every process (REDIS_URL set): `RateLimiterRedis`, whose
 * operations are each one atomic script or MULTI on its key, so two processes see one count
 * (docs/decisions/0034-abuse-limits-on-rate-limiter-flexible.md).
 *
 * Each limiter is insured by a `RateLimiterMemory` of the same spec: while Redis cannot answer,
 * the process counts alone, so the limits multiply by the number of processes for that time
 * instead of every sign-in and comment failing with 500. The insurance starts empty (counts
 * taken in Redis are not copied), and once Redis answers again its count is the one that holds:
 * what the insurance counted meanwhile is not carried over.
 *
 * Its own connection: the scale-out's reader blocks on XREAD and its commands wait through a
 * reconnection, where a limit must answer at once. Here nothing is queued while disconnected
 * and a limiter asks its insurance as soon as the connection is not ready.
 */
export async function startSharedLimiterStore(
  redisUrl: string,
  logger: Logger,
): Promise<SharedLimiterStore> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  client.on('error', (err: Error) =>
    logger.debug({ err }, 'limits: Redis connection error, counting in this process'),
  );
  // Like the scale-out: a start without Redis fails, rather than counting alone from the start.
  await client.connect();
  const store: LimiterStore = (spec) =>
    new RateLimiterRedis({
      storeClient: client,
      keyPrefix: `${KEY_PREFIX}:${spec.name}`,
      points: spec.points,
      duration: spec.durationSeconds,
      rejectIfRedisNotReady: true,
      insuranceLimiter: new RateLimiterMemory({
        keyPrefix: spec.name,
        points: spec.points,
        duration: spec.durationSeconds,
      }),
    });
  return {
    store,
    async close() {
      await client.quit().catch(() => client.disconnect());
    },
  };
}
