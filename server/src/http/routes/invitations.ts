import { AcceptInvitationRequestSchema, CreateInvitationRequestSchema } from '@polisee/contracts';
import { Router } from 'express';
import { z } from 'zod';
import { acceptInvitation, previewInvitation } from '../../services/acceptInvitation.js';
import type { ServiceContext } from '../../services/context.js';
import { inviteUser } from '../../services/inviteUser.js';
import { listPendingInvitations } from '../../services/listInvitations.js';
import type { WriteLimits } from '../../services/limits/writeLimits.js';
import { getSessionInfo } from '../../services/loadActor.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';
import { signIn } from './auth.js';

const TokenParamSchema = z.object({ token: z.string().min(16).max(128) });

export function invitationsRouter(ctx: ServiceContext, writeLimits: WriteLimits) {
  const router = Router();

  router.post('/invitations', requireActor, async (req, res) => {
    const body = parseInput(CreateInvitationRequestSchema, req.body, 'body');
    await writeLimits.take('invitation', actorOf(res).user.id);
    res.status(201).json(await inviteUser(ctx, actorOf(res), body));
  });

  router.get('/invitations', requireActor, async (_req, res) => {
    res.json({ items: await listPendingInvitations(ctx, actorOf(res)) });
  });

  router.get('/invitations/:token', async (req, res) => {
    const { token } = parseInput(TokenParamSchema, req.params, 'params');
    res.json(await previewInvitation(ctx, token));
  });

  router.post('/invitations/:token/accept', async (req, res) => {
    const { token } = parseInput(TokenParamSchema, req.params, 'params');
    const body = parseInput(AcceptInvitationRequestSchema, req.body, 'body');
    const actor = await acceptInvitation(ctx, token, body);
    await signIn(req, actor.user.id);
    res.status(201).json(await getSessionInfo(ctx, actor));
  });

  return router;
}
