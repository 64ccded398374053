import type { Logger } from 'pino';
import type { ServiceContext } from '../context.js';
import { notifyAboutDocument } from '../documentNotifications.js';

/** Reviewers are reminded this long before a round is due. */
export const REMINDER_LEAD_MS = 24 * 60 * 60 * 1000;
/** How often the scheduler looks for rounds coming due: a reminder is at most this late. */
export const REMINDER_SWEEP_MS = 60 * 1000;

/**
 * Sends `review_due_soon` to the reviewers who have not answered, once per round, when its due
 * date is 24 hours away (by `ctx.now()`). A round requested with less than 24 hours to go gets
 * none (the request itself said when), nor does one already past due. The reminder is claimed
 * in the store before anything is sent, so two servers never both send it. Returns how many
 * rounds were reminded.
 */
export async function sendDueReminders(ctx: ServiceContext): Promise<number> {
  const now = ctx.now();
  const nowIso = now.toISOString();
  const due = await ctx.store.reviews.listDueForReminder(
    new Date(now.getTime() + REMINDER_LEAD_MS).toISOString(),
  );
  let reminded = 0;
  for (const review of due) {
    if (!(await ctx.store.reviews.markReminded(review.id, nowIso))) continue;
    const remindAt = Date.parse(review.dueDate) - REMINDER_LEAD_MS;
    const late = review.dueDate <= nowIso || Date.parse(review.requestedAt) >= remindAt;
    const pending = review.reviewers.filter((r) => r.verdict === null);
    if (late || pending.length === 0) continue;
    const [doc, requester] = await Promise.all([
      ctx.store.documents.get(review.documentId),
      ctx.store.users.get(review.requestedBy),
    ]);
    if (!doc || doc.status === 'archived' || !requester) continue;
    await notifyAboutDocument(ctx, {
      actor: requester,
      doc,
      recipients: pending.map((r) => ({ userId: r.userId, type: 'review_due_soon' })),
      text: review.message,
    });
    reminded += 1;
  }
  return reminded;
}

/** Runs `sendDueReminders` every minute on an unref'd timer; `close()` stops it and waits. */
export class DueReminderScheduler {
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;

  constructor(
    private readonly ctx: ServiceContext,
    private readonly logger: Logger,
    private readonly intervalMs = REMINDER_SWEEP_MS,
  ) {}

  start() {
    if (this.timer) return;
    this.timer = setInterval(() => void this.sweep(), this.intervalMs);
    this.timer.unref();
  }

  /** One sweep (a sweep still running is joined, not doubled). */
  sweep(): Promise<void> {
    this.running ??= sendDueReminders(this.ctx)
      .then(
        () => undefined,
        (err: unknown) => this.logger.error({ err }, 'sending review reminders failed'),
      )
      .finally(() => {
        this.running = null;
      });
    return this.running;
  }

  async close() {
    if (this.timer) clearInterval(this.timer);
    this.timer = null;
    await this.running;
  }
}
