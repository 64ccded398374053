import type { RequestHandler } from 'express';
import helmet from 'helmet';

/** One year: long enough to matter against SSL stripping, the value browsers' preload lists expect. */
const HSTS_MAX_AGE_SECONDS = 365 * 24 * 60 * 60;

/**
 * The response headers that keep the browser on our side (issue 11, finding 7), on every
 * response: the app page, `/invite/<token>`, the REST API and its errors. Directives and the
 * reasons for each are in docs/decisions/0032-content-security-policy.md.
 */
export function securityHeaders(publicOrigin: string | undefined): RequestHandler {
  const https = publicOrigin?.startsWith('https:') ?? false;
  return helmet({
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        'default-src': ["'self'"],
        // The built client is script files only: no inline script, no eval.
        'script-src': ["'self'"],
        'script-src-attr': ["'none'"],
        // TipTap injects its base stylesheet as a <style> element and its tables render style
        // attributes; see the decision for why that is acceptable.
        'style-src': ["'self'", "'unsafe-inline'"],
        'img-src': ["'self'"],
        'font-src': ["'self'"],
        'connect-src': ["'self'", ...collabOrigins(publicOrigin)],
        'object-src': ["'none'"],
        'base-uri': ["'none'"],
        'form-action': ["'self'"],
        'frame-ancestors': ["'none'"],
        ...(https ? { 'upgrade-insecure-requests': [] } : {}),
      },
    },
    xFrameOptions: { action: 'deny' },
    // Invitation tokens travel in the page's URL (/invite/<token>): no Referer, not even to
    // ourselves, so the token cannot reach another site or a request log through it.
    referrerPolicy: { policy: 'no-referrer' },
    // Only an https deployment asks for HSTS: browsers ignore it over http, and an install
    // whose public origin is http must stay reachable over http. No includeSubDomains: the
    // operator's other hosts are not ours to pin.
    strictTransportSecurity: https
      ? { maxAge: HSTS_MAX_AGE_SECONDS, includeSubDomains: false }
      : false,
  });
}

/**
 * The websocket origins (socket.io and /collab/<documentId>) of the public origin. CSP Level 3
 * lets 'self' match ws:/wss: on the page's own host, but browsers that predate that rule do
 * not, so the deployment's own websocket origin is named outright when it is known.
 */
function collabOrigins(publicOrigin: string | undefined): string[] {
  if (!publicOrigin) return [];
  const url = new URL(publicOrigin);
  return [`${url.protocol === 'https:' ? 'wss:' : 'ws:'}//${url.host}`];
}
