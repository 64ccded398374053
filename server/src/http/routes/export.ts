import { ExportQuerySchema, IdParamSchema } from '@polisee/contracts';
import { Router } from 'express';
import type { PdfPrinter } from '../../export/ChromiumPrinter.js';
import { exportDocument } from '../../export/exportDocument.js';
import type { ServiceContext } from '../../services/context.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** A document exported to DOCX, PDF or Markdown, as a download (decision 0060). */
export function exportRouter(ctx: ServiceContext, pdf: PdfPrinter) {
  const router = Router();

  router.get('/documents/:id/export', requireActor, async (req, res) => {
    const { id } = parseInput(IdParamSchema, req.params, 'params');
    const query = parseInput(ExportQuerySchema, req.query, 'query');
    // Recorded in the audit log by the use case, with the version and appendices asked for.
    const file = await exportDocument(ctx, pdf, actorOf(res), id, query);
    // `attachment` writes the name as RFC 5987 `filename*` (UTF-8) plus an ASCII fallback.
    res.attachment(file.fileName);
    res.type(file.contentType);
    // A document someone may lose access to: never kept by a shared cache or the browser's.
    res.set('Cache-Control', 'private, no-store');
    res.send(file.body);
  });

  return router;
}
