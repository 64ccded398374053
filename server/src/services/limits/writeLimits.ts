import type { WriteLimitSettings } from '../../config.js';
import { LimitExceeded, memoryLimiterStore, refusal, secondsUntilFree } from './limiter.js';
import type { Limiter, LimiterStore } from './limiter.js';

export type WriteKind = 'message' | 'thread' | 'invitation' | 'workshop' | 'outcome';

const TOO_MANY: Record<WriteKind, string> = {
  message:
    'You are writing comments faster than anyone can read them. Wait a moment and try again.',
  thread: 'You are starting threads too quickly. Wait a moment and try again.',
  invitation: 'You are sending invitations too quickly. Wait a moment and try again.',
  workshop: 'You are planning workshops too quickly. Wait a moment and try again.',
  outcome: 'You are recording decisions too quickly. Wait a moment and try again.',
};

/**
 * Writes per user per minute (finding 12: one member posted 1,352 comments in 4 s, each one
 * stored, broadcast and notified). The budgets are generous for a live workshop; the window is
 * fixed, so a burst across its edge may reach twice the budget, never more.
 */
export class WriteLimits {
  private readonly limiters: Record<WriteKind, Limiter>;

  constructor(settings: WriteLimitSettings, store: LimiterStore = memoryLimiterStore) {
    const perMinute = (name: string, points: number) =>
      store({ name, points, durationSeconds: 60 });
    this.limiters = {
      message: perMinute('write-message', settings.messagesPerMinute),
      thread: perMinute('write-thread', settings.threadsPerMinute),
      invitation: perMinute('write-invitation', settings.invitationsPerMinute),
      // A workshop notifies its whole group, as a thread notifies its participants: the same
      // budget. A decision is written as quickly as a comment: the messages' budget.
      workshop: perMinute('write-workshop', settings.threadsPerMinute),
      outcome: perMinute('write-outcome', settings.messagesPerMinute),
    };
  }

  /** Counts one write of `kind` by the user, or refuses it with `LimitExceeded`. */
  async take(kind: WriteKind, userId: string): Promise<void> {
    try {
      await this.limiters[kind].consume(userId);
    } catch (rejection) {
      throw new LimitExceeded(TOO_MANY[kind], secondsUntilFree(refusal(rejection)));
    }
  }
}
