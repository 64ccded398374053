import { AppError } from '@polisee/domain';
import type { LoginRequest } from '@polisee/contracts';
import type { ServiceContext } from './context.js';
import { loadActor, type AuthenticatedActor } from './loadActor.js';
import { dummyPasswordHash, verifyPassword } from './passwords.js';

/** Checks email and password. The same error, after the same work, whether the email exists or not. */
export async function authenticate(
  ctx: ServiceContext,
  req: LoginRequest,
): Promise<AuthenticatedActor> {
  const user = await ctx.store.users.getByEmail(req.email);
  const hash = user?.passwordHash ?? (await dummyPasswordHash());
  const ok = await verifyPassword(hash, req.password);
  if (!user || !user.passwordHash || !ok) {
    throw new AppError('invalid_credentials', 'The email or password is not correct.');
  }
  const actor = await loadActor(ctx, user.id);
  if (!actor) throw new AppError('invalid_credentials', 'The email or password is not correct.');
  return actor;
}
