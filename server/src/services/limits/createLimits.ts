import type { Config } from '../../config.js';
import { memoryLimiterStore, type LimiterStore } from './limiter.js';
import { LoginLimits } from './loginLimits.js';
import { WriteLimits } from './writeLimits.js';

export interface Limits {
  login: LoginLimits;
  writes: WriteLimits;
}

/** Every abuse limit of one server, on one limiter store (in memory unless REDIS_URL shares them). */
export function createLimits(
  config: Pick<Config, 'loginLimits' | 'writeLimits'>,
  store: LimiterStore = memoryLimiterStore,
): Limits {
  return {
    login: new LoginLimits(config.loginLimits, store),
    writes: new WriteLimits(config.writeLimits, store),
  };
}
