import { AppError } from '@polisee/domain';
import type { ChangePasswordRequest } from '@polisee/contracts';
import type { ServiceContext } from './context.js';
import type { AuthenticatedActor } from './loadActor.js';
import { assertStrongPasswordFor } from './passwordPolicy.js';
import { hashPassword, verifyPassword } from './passwords.js';

/**
 * Changes the password after checking the current one, if the new one passes the password
 * policy. The caller regenerates the session.
 */
export async function changePassword(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  req: ChangePasswordRequest,
): Promise<void> {
  const user = await ctx.store.users.get(actor.user.id);
  if (!user?.passwordHash || !(await verifyPassword(user.passwordHash, req.currentPassword))) {
    throw new AppError('invalid_credentials', 'The current password is not correct.');
  }
  await assertStrongPasswordFor(ctx, req.newPassword, user);
  await ctx.store.users.update(user.id, { passwordHash: await hashPassword(req.newPassword) });
}
