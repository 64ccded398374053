import { AppError } from '@polisee/domain';
import { FieldErrorCodeSchema, type ErrorResponse, type FieldIssue } from '@polisee/contracts';
import type { ErrorRequestHandler, RequestHandler } from 'express';
import type { Logger } from 'pino';
import { LimitExceeded } from '../../services/limits/limiter.js';

/** Unknown API routes answer JSON, never Express's HTML page. */
export const notFoundHandler: RequestHandler = (_req, res) => {
  const body: ErrorResponse = { error: { code: 'not_found', message: 'No such endpoint.' } };
  res.status(404).json(body);
};

/**
 * The one place errors become responses. AppErrors carry their code and a message safe to
 * show; anything else is logged and answered with a generic 500 — never a stack trace.
 */
export function errorHandler(logger: Logger): ErrorRequestHandler {
  return (err, req, res, _next) => {
    const appError = toAppError(err);
    if (appError.status >= 500) logger.error({ err, path: req.path }, 'request failed');
    const body: ErrorResponse = {
      error: {
        code: appError.code,
        message: appError.message,
        ...(appError.reason ? { reason: appError.reason } : {}),
        ...(Array.isArray(appError.details) ? { details: appError.details.map(asFieldIssue) } : {}),
      },
    };
    if (res.headersSent) return;
    if (appError instanceof LimitExceeded) {
      res.setHeader('Retry-After', String(appError.retryAfterSeconds));
    }
    res.status(appError.status).json(body);
  };
}

/**
 * Services that refuse a field by hand (an unknown working group, an anchor that cannot be
 * placed) may leave out the code: those read as `invalid_value`, so every detail has one.
 */
function asFieldIssue(detail: unknown): FieldIssue {
  const d = detail as Partial<FieldIssue>;
  const code = FieldErrorCodeSchema.safeParse(d.code);
  return {
    path: String(d.path ?? ''),
    code: code.success ? code.data : 'invalid_value',
    ...(typeof d.limit === 'number' ? { limit: d.limit } : {}),
    message: String(d.message ?? ''),
  };
}

function toAppError(err: unknown): AppError {
  if (err instanceof AppError) return err;
  const e = err as { type?: string; status?: number; expose?: boolean };
  // body-parser signals its failures with a `type`; map them to stable codes.
  if (e?.type === 'entity.parse.failed')
    return new AppError('malformed_json', 'The request body is not valid JSON.');
  if (e?.type === 'entity.too.large')
    return new AppError('payload_too_large', 'The request body is too large.');
  if (e?.type === 'encoding.unsupported' || e?.type === 'charset.unsupported')
    return new AppError('validation_failed', 'Unsupported request encoding.');
  // Any other client error the body parser met (a gzip body that does not inflate, a body
  // shorter than its Content-Length) is the request's fault, not ours (security issue 11).
  if (e?.expose === true && typeof e.status === 'number' && e.status >= 400 && e.status < 500)
    return new AppError('validation_failed', 'The request body could not be read.');
  return new AppError('internal', 'Something went wrong on our side.');
}
