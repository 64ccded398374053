import type { UpdateProfileRequest } from '@polisee/contracts';
import type { ServiceContext } from './context.js';
import { loadActor, type AuthenticatedActor } from './loadActor.js';

export async function updateProfile(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
  req: UpdateProfileRequest,
): Promise<AuthenticatedActor> {
  await ctx.store.users.update(actor.user.id, req);
  return (await loadActor(ctx, actor.user.id)) ?? actor;
}
