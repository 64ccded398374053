import { pipeline } from 'node:stream/promises';
import { AuditFilterSchema, AuditQuerySchema } from '@polisee/contracts';
import { Router } from 'express';
import { exportAuditCsv } from '../../audit/exportAuditCsv.js';
import { listAuditEntries } from '../../audit/listAuditEntries.js';
import type { ServiceContext } from '../../services/context.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/**
 * The audit log, for administrators: read and download, nothing else. No route changes or
 * removes an entry (decision 0061); the retention purge is the server's own.
 */
export function auditRouter(ctx: ServiceContext) {
  const router = Router();

  router.get('/audit', requireActor, async (req, res) => {
    const query = parseInput(AuditQuerySchema, req.query, 'query');
    res.json(await listAuditEntries(ctx, actorOf(res), query));
  });

  router.get('/audit/export.csv', requireActor, async (req, res) => {
    const filter = parseInput(AuditFilterSchema, req.query, 'query');
    const csv = exportAuditCsv(ctx, actorOf(res), filter);
    res.type('text/csv; charset=utf-8');
    res.attachment(`polisee-audit-${ctx.now().toISOString().slice(0, 10)}.csv`);
    res.setHeader('Cache-Control', 'no-store');
    // Once the first row is out a failure can only cut the download short: pipeline destroys
    // the response, so the client sees an incomplete transfer rather than a truncated "success".
    await pipeline(csv, res).catch((err: unknown) => {
      ctx.logger.error({ err }, 'audit CSV export failed mid-stream');
    });
  });

  return router;
}
