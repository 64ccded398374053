import { Redis } from 'ioredis';
import type { Logger } from 'pino';
import {
  LocalConnectionCaps,
  type ConnectionCaps,
  type ConnectionKind,
} from '../services/limits/connectionCaps.js';

/**
 * A slot lives this long unless its process renews it: the slots of a process that died (no
 * close, no release) free themselves within a minute instead of holding its users out.
 */
export const SLOT_TTL_MS = 60_000;
const RENEW_INTERVAL_MS = SLOT_TTL_MS / 3;
/** Like the shared limits: a cap answers at once, from this process's count, when Redis cannot. */
const COMMAND_TIMEOUT_MS = 1000;

/**
 * One sorted set per user and kind, `polisee:conns:{kind}:{user}`: members are this process's
 * id and the connection's, scored by when the slot expires. One script drops the expired,
 * counts, and adds, so two processes admitting at once see each other.
 */
const ADMIT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1])
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[4]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[2], ARGV[3])
redis.call('PEXPIRE', KEYS[1], ARGV[5])
return 1`;

export interface SharedConnectionCaps extends ConnectionCaps {
  /** Renews every slot of this process now (the timer does it every 20 s). */
  renew(): Promise<void>;
}

/**
 * The per-user connection caps counted by every process together (REDIS_URL set). This
 * process keeps its own slots in memory too: it renews them, and while Redis cannot answer it
 * admits by its own count alone (the cap then holds per process, as without Redis, rather than
 * refusing everyone).
 */
export async function startSharedConnectionCaps(
  redisUrl: string,
  processId: string,
  logger: Logger,
): Promise<SharedConnectionCaps> {
  const client = new Redis(redisUrl, {
    lazyConnect: true,
    enableOfflineQueue: false,
    commandTimeout: COMMAND_TIMEOUT_MS,
  });
  client.on('error', (err: Error) =>
    logger.debug({ err }, 'connection caps: Redis connection error, counting in this process'),
  );
  await client.connect();
  const local = new LocalConnectionCaps();
  const keyOf = (kind: ConnectionKind, userId: string) => `polisee:conns:${kind}:{${userId}}`;
  const memberOf = (connectionId: string) => `${processId}:${connectionId}`;

  const renew = async () => {
    const expiresAt = Date.now() + SLOT_TTL_MS;
    const batch = client.pipeline();
    for (const { kind, userId, connectionId } of local.entries()) {
      batch.zadd(keyOf(kind, userId), expiresAt, memberOf(connectionId));
      batch.pexpire(keyOf(kind, userId), SLOT_TTL_MS);
    }
    if (batch.length > 0) await batch.exec();
  };
  const timer = setInterval(() => {
    renew().catch((err: unknown) => logger.warn({ err }, 'connection caps: renewal failed'));
  }, RENEW_INTERVAL_MS);
  timer.unref();

  return {
    async admit(kind, userId, connectionId, limit) {
      // This process's own count first: it can only be lower than the shared one.
      if (!local.admitNow(kind, userId, connectionId, limit)) return false;
      try {
        const now = Date.now();
        const admitted = await client.eval(
          ADMIT,
          1,
          keyOf(kind, userId),
          now,
          now + SLOT_TTL_MS,
          memberOf(connectionId),
          limit,
          SLOT_TTL_MS,
        );
        if (admitted === 1) return true;
        local.release(kind, userId, connectionId);
        return false;
      } catch (err) {
        logger.warn(
          { err, userId, kind },
          'connection caps: Redis did not answer, admitted by this process alone',
        );
        return true;
      }
    },
    release(kind, userId, connectionId) {
      local.release(kind, userId, connectionId);
      client.zrem(keyOf(kind, userId), memberOf(connectionId)).catch((err: unknown) =>
        // The slot expires on its own, unrenewed, within SLOT_TTL_MS.
        logger.debug({ err, userId, kind }, 'connection caps: release not sent'),
      );
    },
    renew,
    async close() {
      clearInterval(timer);
      // Free this process's slots for the others at once rather than after the TTL.
      const batch = client.pipeline();
      for (const { kind, userId, connectionId } of local.entries()) {
        batch.zrem(keyOf(kind, userId), memberOf(connectionId));
      }
      if (batch.length > 0) await batch.exec().catch(() => undefined);
      await local.close();
      client.disconnect();
    },
  };
}
