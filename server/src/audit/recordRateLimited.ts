import type { ServiceContext } from '../services/context.js';
import { recordAuditEntry } from './recordAuditEntry.js';

/**
 * Records a request refused by an abuse limit (sign-in or write budget): who, if anyone was
 * signed in, on which route, and for how long the limit holds.
 */
export async function recordRateLimited(
  ctx: ServiceContext,
  refusal: {
    actorId: string | null;
    route: string;
    retryAfterSeconds: number;
    /** The email a sign-in named (sign-in limits only). */
    email?: string;
  },
): Promise<void> {
  await recordAuditEntry(ctx, {
    action: 'auth.rate_limited',
    actorId: refusal.actorId,
    target: refusal.actorId ? { type: 'user', id: refusal.actorId } : null,
    details: {
      route: refusal.route,
      retryAfterSeconds: refusal.retryAfterSeconds,
      ...(refusal.email ? { email: refusal.email } : {}),
    },
  });
}
