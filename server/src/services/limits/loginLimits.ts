import type { LoginLimitSettings } from '../../config.js';
import { LimitExceeded, memoryLimiterStore, refusal, secondsUntilFree } from './limiter.js';
import type { Limiter, LimiterStore } from './limiter.js';

/** Failed sign-ins per address are counted over 15 minutes. */
const ADDRESS_WINDOW_SECONDS = 15 * 60;
/** An account's failures in a row are remembered for a day: a slow guesser keeps its long lock. */
const ACCOUNT_MEMORY_SECONDS = 24 * 60 * 60;

const ACCOUNT_LOCKED =
  'Too many failed sign-ins for this account. Wait before trying again, or ask an administrator.';
const ADDRESS_BLOCKED = 'Too many failed sign-ins from your network. Try again in a few minutes.';

/** An attempt let through to the password check. */
export interface LoginAttempt {
  /** The password was right: the account's failures and lock are forgotten. */
  succeeded(): Promise<void>;
}

/**
 * Sign-in limits (finding 9). Two counters, because each stops what the other misses:
 * - per client address, across accounts: one password tried on many emails (spraying);
 * - per account, across addresses: many passwords tried on one email from rotating addresses.
 *   After `lockAfter` failures in a row the account locks; each further failure doubles the lock.
 *   While locked, every attempt is refused before the password is checked, the right one too.
 * Locks apply to any email, existing or not, so a 429 tells nothing about who has an account.
 *
 * Attempts are counted when they start, not when they fail: concurrent guesses all see the
 * count of the ones before them, so a burst cannot slip past while passwords are being hashed.
 */
export class LoginLimits {
  private readonly failuresByAddress: Limiter;
  private readonly failuresByAccount: Limiter;
  private readonly accountLocks: Limiter;

  constructor(
    private readonly settings: LoginLimitSettings,
    store: LimiterStore = memoryLimiterStore,
  ) {
    this.failuresByAddress = store({
      name: 'login-address',
      points: settings.perAddress,
      durationSeconds: ADDRESS_WINDOW_SECONDS,
    });
    this.failuresByAccount = store({
      name: 'login-account',
      points: settings.lockAfter,
      durationSeconds: ACCOUNT_MEMORY_SECONDS,
    });
    // One point: the attempt that takes it runs, any other is refused until the key expires.
    this.accountLocks = store({
      name: 'login-lock',
      points: 1,
      durationSeconds: settings.lockSeconds,
    });
  }

  /**
   * Lets an attempt through to the password check or refuses it with `LimitExceeded`.
   * `email` is normalised; `address` is the client's, as far as trusted proxies tell.
   */
  async begin(email: string, address: string): Promise<LoginAttempt> {
    const lock = await this.accountLocks.get(email);
    if (lock && lock.consumedPoints > 0 && lock.msBeforeNext > 0) {
      throw new LimitExceeded(ACCOUNT_LOCKED, secondsUntilFree(lock));
    }
    try {
      await this.failuresByAddress.consume(address);
    } catch (rejection) {
      throw new LimitExceeded(ADDRESS_BLOCKED, secondsUntilFree(refusal(rejection)));
    }
    const { consumedPoints: failures } = await this.failuresByAccount.penalty(email);
    if (failures >= this.settings.lockAfter) {
      // This attempt would be the one that locks the account if it fails, so the lock starts
      // now, before the password is checked; success lifts it. A concurrent attempt finds the
      // lock taken and is refused: one guess per lock period, however many arrive at once.
      try {
        await this.accountLocks.consume(email, 1, { customDuration: this.lockSeconds(failures) });
      } catch (rejection) {
        const lockRes = refusal(rejection);
        await this.failuresByAccount.reward(email);
        await this.failuresByAddress.reward(address);
        throw new LimitExceeded(ACCOUNT_LOCKED, secondsUntilFree(lockRes));
      }
    }
    return {
      succeeded: async () => {
        // The address gets its attempt back: only failures count against a shared address.
        await this.failuresByAddress.reward(address);
        await this.failuresByAccount.delete(email);
        await this.accountLocks.delete(email);
      },
    };
  }

  /** The lock after `failures` in a row: the first lock, doubled per failure past the threshold. */
  private lockSeconds(failures: number): number {
    const { lockAfter, lockSeconds, lockMaxSeconds } = this.settings;
    return Math.min(lockMaxSeconds, lockSeconds * 2 ** (failures - lockAfter));
  }
}
