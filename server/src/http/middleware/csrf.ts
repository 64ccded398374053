import { AppError } from '@polisee/domain';
import type { RequestHandler } from 'express';
import { isAllowedOrigin } from '../../policies/origin.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Cookie-authenticated mutations must come from our own origin. Browsers always send `Origin`
 * on cross-site POST/PUT/PATCH/DELETE, so a foreign or opaque ("null") origin is refused.
 * Requests with no Origin (curl, server-to-server) carry no ambient browser credentials to abuse.
 */
export function requireSameOrigin(publicOrigin: string | undefined): RequestHandler {
  return (req, _res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.headers.origin;
    if (origin === undefined) return next();
    if (isAllowedOrigin(origin, req.headers.host, publicOrigin)) return next();
    next(
      new AppError('csrf_origin_mismatch', 'This request came from another site and was refused.'),
    );
  };
}
