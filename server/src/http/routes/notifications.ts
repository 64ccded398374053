import { MarkNotificationsReadRequestSchema, NotificationsQuerySchema } from '@polisee/contracts';
import { Router } from 'express';
import type { ServiceContext } from '../../services/context.js';
import { listNotifications, markNotificationsRead } from '../../services/notifications.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** The signed-in user's notification centre. */
export function notificationsRouter(ctx: ServiceContext) {
  const router = Router();
  router.use(requireActor);

  router.get('/notifications', async (req, res) => {
    const query = parseInput(NotificationsQuerySchema, req.query, 'query');
    res.json(await listNotifications(ctx, actorOf(res), query));
  });
  router.post('/notifications/read', async (req, res) => {
    const body = parseInput(MarkNotificationsReadRequestSchema, req.body, 'body');
    res.json(await markNotificationsRead(ctx, actorOf(res), body));
  });

  return router;
}
