import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import type { LiveWorkshopHosts } from '../workshops/live/liveWorkshopHosts.js';

/** A process's announcement lives this long unless renewed: a killed process's lapses. */
export const HOST_TTL_MS = 10_000;
const RENEW_INTERVAL_MS = 2_000;
const KEY_PREFIX = 'polisee:live-workshops:';
const COMMAND_TIMEOUT_MS = 1000;

/**
 * Each process keeps `polisee:live-workshops:<processId>` = the JSON list of the workshops it
 * has participants in, renewed every 2 s with a 10 s expiry (decision 0079). Read with SCAN:
 * there are as many keys as processes.
 */
export async function startRedisLiveWorkshopHosts(
  redisUrl: string,
  processId: string,
  logger: Logger,
): Promise<LiveWorkshopHosts> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  client.on('error', (err: Error) =>
    logger.debug({ err }, 'live workshop hosts: Redis connection error'),
  );
  await client.connect();
  const ownKey = `${KEY_PREFIX}${processId}`;
  let timer: NodeJS.Timeout | null = null;

  return {
    async servedElsewhere() {
      const served = new Set<string>();
      let cursor = '0';
      do {
        const [next, keys] = await client.scan(cursor, 'MATCH', `${KEY_PREFIX}*`, 'COUNT', 100);
        cursor = next;
        const others = keys.filter((k) => k !== ownKey);
        if (others.length === 0) continue;
        for (const value of await client.mget(...others)) {
          if (!value) continue;
          try {
            for (const id of JSON.parse(value) as unknown[])
              if (typeof id === 'string') served.add(id);
          } catch {
            // another version's value: ignored rather than trusted
          }
        }
      } while (cursor !== '0');
      return served;
    },
    announce(workshopIds) {
      const renew = () =>
        client
          .set(ownKey, JSON.stringify(workshopIds()), 'PX', HOST_TTL_MS)
          .catch((err: unknown) =>
            logger.warn({ err }, 'live workshop hosts: could not renew the announcement'),
          );
      void renew();
      timer = setInterval(renew, RENEW_INTERVAL_MS);
      timer.unref();
    },
    async close() {
      if (timer) clearInterval(timer);
      timer = null;
      await client.del(ownKey).catch(() => undefined);
      client.disconnect();
    },
  };
}
