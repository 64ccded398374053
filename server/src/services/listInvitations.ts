import type { Invitation } from '@polisee/contracts';
import { assertWorkspace } from '../policies/policy.js';
import type { ServiceContext } from './context.js';
import type { AuthenticatedActor } from './loadActor.js';

/** The invitations still waiting to be accepted: for administrators only. */
export async function listPendingInvitations(
  ctx: ServiceContext,
  actor: AuthenticatedActor,
): Promise<Invitation[]> {
  assertWorkspace(actor, 'workspace.administer');
  return ctx.store.invitations.listPending(ctx.now().toISOString());
}
