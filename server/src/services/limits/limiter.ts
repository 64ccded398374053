import { AppError } from '@polisee/domain';
import { RateLimiterMemory, RateLimiterRes, type RateLimiterAbstract } from 'rate-limiter-flexible';

/**
 * The counter operations the limits use. `RateLimiterMemory` and `RateLimiterRedis` both offer
 * them with the same meaning (each operation atomic on its key), so a limit does not know where
 * its counters live.
 */
export type Limiter = Pick<
  RateLimiterAbstract,
  'consume' | 'penalty' | 'reward' | 'get' | 'delete'
>;

export interface LimiterSpec {
  /** Prefix of the keys: distinct per limit, since a shared Redis holds them all side by side. */
  name: string;
  /** Points allowed per window; `consume` refuses past them. */
  points: number;
  durationSeconds: number;
}

/** Where counters live: builds one limiter per spec. */
export type LimiterStore = (spec: LimiterSpec) => Limiter;

/**
 * Counters in this process's memory: right while one process serves everything. With several
 * processes (REDIS_URL) each would count alone, so the composition root passes the scale-out's
 * Redis store instead (scaleout/sharedLimiterStore.ts, which keeps this one as its insurance;
 * docs/decisions/0034-abuse-limits-on-rate-limiter-flexible.md).
 */
export const memoryLimiterStore: LimiterStore = (spec) =>
  new RateLimiterMemory({
    keyPrefix: spec.name,
    points: spec.points,
    duration: spec.durationSeconds,
  });

/** A limit was reached: 429, and `Retry-After` says when trying again can succeed. */
export class LimitExceeded extends AppError {
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
  ) {
    super('rate_limited', message);
  }
}

/** Whole seconds until `res` frees up, at least 1 (Retry-After 0 would invite a tight loop). */
export function secondsUntilFree(res: RateLimiterRes): number {
  return Math.max(1, Math.ceil(res.msBeforeNext / 1000));
}

/**
 * `consume` rejects with the counter when a limit is reached, but with an Error when the store
 * itself fails (Redis unreachable): only the first is an answer for the client.
 */
export function refusal(rejection: unknown): RateLimiterRes {
  if (rejection instanceof RateLimiterRes) return rejection;
  throw rejection;
}
