import {
  CreateOrganisationRequestSchema,
  CreateWorkingGroupRequestSchema,
  IdParamSchema,
  SetMembershipRequestSchema,
  UpdateWorkingGroupRequestSchema,
} from '@polisee/contracts';
import { IdSchema } from '@polisee/domain';
import { Router } from 'express';
import { z } from 'zod';
import type { ServiceContext } from '../../services/context.js';
import {
  createOrganisation,
  createWorkingGroup,
  listMembers,
  listOrganisations,
  listUsers,
  listWorkingGroups,
  removeMembership,
  setMembership,
  updateWorkingGroup,
} from '../../services/workspace.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

const MemberParamsSchema = z.object({ id: IdSchema, userId: IdSchema });

export function workspaceRouter(ctx: ServiceContext) {
  const router = Router();
  router.use(requireActor);

  router.get('/organisations', async (_req, res) => {
    res.json({ items: await listOrganisations(ctx) });
  });
  router.post('/organisations', async (req, res) => {
    const body = parseInput(CreateOrganisationRequestSchema, req.body, 'body');
    res.status(201).json(await createOrganisation(ctx, actorOf(res), body));
  });

  router.get('/users', async (_req, res) => {
    res.json({ items: await listUsers(ctx, actorOf(res)) });
  });

  router.get('/working-groups', async (_req, res) => {
    res.json({ items: await listWorkingGroups(ctx, actorOf(res)) });
  });
  router.post('/working-groups', async (req, res) => {
    const body = parseInput(CreateWorkingGroupRequestSchema, req.body, 'body');
    res.status(201).json(await createWorkingGroup(ctx, actorOf(res), body));
  });
  router.patch('/working-groups/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(UpdateWorkingGroupRequestSchema, req.body, 'body');
    res.json(await updateWorkingGroup(ctx, actorOf(res), id, body));
  });
  router.get('/working-groups/:id/members', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json({ items: await listMembers(ctx, actorOf(res), id) });
  });
  router.put('/working-groups/:id/members/:userId', async (req, res) => {
    const { id, userId } = parseInput(MemberParamsSchema, req.params, 'params');
    const body = parseInput(SetMembershipRequestSchema, req.body, 'body');
    res.json(await setMembership(ctx, actorOf(res), id, userId, body));
  });
  router.delete('/working-groups/:id/members/:userId', async (req, res) => {
    const { id, userId } = parseInput(MemberParamsSchema, req.params, 'params');
    await removeMembership(ctx, actorOf(res), id, userId);
    res.status(204).end();
  });

  return router;
}
