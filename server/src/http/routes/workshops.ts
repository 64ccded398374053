import {
  CreateWorkshopRequestSchema,
  IdParamSchema,
  RecordOutcomeRequestSchema,
  UpdateWorkshopRequestSchema,
  WorkshopListQuerySchema,
} from '@polisee/contracts';
import { Router, type Request } from 'express';
import type { ServiceContext } from '../../services/context.js';
import type { WriteLimits } from '../../services/limits/writeLimits.js';
import { attendanceReport } from '../../workshops/attendanceReport.js';
import { createWorkshop } from '../../workshops/createWorkshop.js';
import { listOutcomes } from '../../workshops/listOutcomes.js';
import { getWorkshop, listWorkshops } from '../../workshops/listWorkshops.js';
import { recordOutcome } from '../../workshops/recordOutcome.js';
import { updateWorkshop } from '../../workshops/updateWorkshop.js';
import { workshopCalendar } from '../../workshops/workshopCalendar.js';
import type { WorkshopLocks } from '../../workshops/workshopLocks.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** Workshops as planned and recorded: the plan, decisions and actions, attendance, calendar file. */
export function workshopsRouter(
  ctx: ServiceContext,
  writeLimits: WriteLimits,
  /** The configured public origin, for links in calendar files; the request's own when unset. */
  publicOrigin: string | undefined,
  /**
   * The live workshops' per-workshop lock (the one going live and every live change take):
   * orders plan changes against going live, and outcome writes (checked against a limit).
   */
  locks: WorkshopLocks,
) {
  const router = Router();
  router.use('/workshops', requireActor);

  router.get('/workshops', async (req, res) => {
    const query = parseInput(WorkshopListQuerySchema, req.query, 'query');
    res.json({ items: await listWorkshops(ctx, actorOf(res), query) });
  });
  router.post('/workshops', async (req, res) => {
    const body = parseInput(CreateWorkshopRequestSchema, req.body, 'body');
    await writeLimits.take('workshop', actorOf(res).user.id);
    res.status(201).json(await createWorkshop(ctx, actorOf(res), body));
  });
  router.get('/workshops/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await getWorkshop(ctx, actorOf(res), id));
  });
  router.patch('/workshops/:id', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(UpdateWorkshopRequestSchema, req.body, 'body');
    await writeLimits.take('workshop', actorOf(res).user.id);
    res.json(await updateWorkshop(ctx, locks, actorOf(res), id, body));
  });

  router.get('/workshops/:id/outcomes', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json({ items: await listOutcomes(ctx, actorOf(res), id) });
  });
  router.post('/workshops/:id/outcomes', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const body = parseInput(RecordOutcomeRequestSchema, req.body, 'body');
    await writeLimits.take('outcome', actorOf(res).user.id);
    res.status(201).json(await recordOutcome(ctx, locks, actorOf(res), id, body));
  });

  router.get('/workshops/:id/attendance', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    res.json(await attendanceReport(ctx, actorOf(res), id));
  });

  router.get('/workshops/:id/calendar.ics', async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const file = await workshopCalendar(ctx, actorOf(res), id, publicOrigin ?? ownOrigin(req));
    res.attachment(file.filename);
    res.type('text/calendar; charset=utf-8').send(file.ics);
  });

  return router;
}

/** The origin the request reached (behind a trusted proxy, the one the client used). */
function ownOrigin(req: Request): string {
  return `${req.protocol}://${req.get('host') ?? 'localhost'}`;
}
