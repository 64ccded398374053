import { LoginRequestSchema } from '@polisee/contracts';
import type { ErrorRequestHandler } from 'express';
import { recordRateLimited } from '../../audit/recordRateLimited.js';
import type { ServiceContext } from '../../services/context.js';
import { LimitExceeded } from '../../services/limits/limiter.js';
import type { AuthenticatedActor } from '../../services/loadActor.js';

/**
 * Every abuse-limit refusal of the API, recorded in the audit log in one place (sign-ins and
 * writes alike), then handed on to the error handler unchanged. Mounted before it.
 */
export function auditRefusals(ctx: ServiceContext): ErrorRequestHandler {
  return (err, req, res, next) => {
    if (!(err instanceof LimitExceeded)) return next(err);
    const actor = res.locals.actor as AuthenticatedActor | undefined;
    // Only the email of a sign-in body, and only once it parsed: never the password.
    const login = req.path === '/auth/login' ? LoginRequestSchema.safeParse(req.body) : null;
    void recordRateLimited(ctx, {
      actorId: actor?.user.id ?? null,
      route: `${req.method} ${req.baseUrl}${req.path}`,
      retryAfterSeconds: err.retryAfterSeconds,
      email: login?.success ? login.data.email : undefined,
    }).finally(() => next(err));
  };
}
