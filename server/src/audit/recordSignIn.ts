import type { ServiceContext } from '../services/context.js';
import { recordAuditEntry } from './recordAuditEntry.js';

/**
 * Records a sign-in: done (the user acted), or failed (nobody is signed in; the account the
 * email names, if any, is the target). The attempted email is kept, the password never.
 */
export async function recordSignIn(
  ctx: ServiceContext,
  attempt: { email: string; userId: string | null; succeeded: boolean },
): Promise<void> {
  if (attempt.succeeded) {
    await recordAuditEntry(ctx, {
      action: 'auth.signed_in',
      actorId: attempt.userId,
      target: attempt.userId ? { type: 'user', id: attempt.userId } : null,
    });
    return;
  }
  const named = await ctx.store.users.getByEmail(attempt.email).catch(() => null);
  await recordAuditEntry(ctx, {
    action: 'auth.sign_in_failed',
    actorId: null,
    target: named ? { type: 'user', id: named.id } : null,
    details: { email: attempt.email },
  });
}
