import { pino, type DestinationStream, type Logger, type LoggerOptions } from 'pino';

const REDACTED = '[Redacted]';

/**
 * Path segments followed by a one-time invitation token: the REST lookup and accept
 * (`/api/invitations/<token>`, `/api/invitations/<token>/accept`) and the page the one-time
 * link opens (`/invite/<token>`). Express matches routes case-insensitively, so do we.
 */
const TOKEN_IN_PATH = /(\/(?:invitations|invite)\/)[^/?#]+/gi;

/** Fields that hold a URL or path: the token inside is replaced, the rest stays readable. */
const URL_FIELDS = new Set(['url', 'referer', 'path']);

/**
 * Every place a secret can reach a log record (issue 11, finding 5: a `cookie` header copied
 * from the request log signed in as the admin). pino-http logs `req` and `res` with their
 * headers; bodies are never logged today, but if one ever is, its passwords must not be.
 */
const REDACT_PATHS = [
  'req.headers.cookie',
  'req.headers.authorization',
  'req.headers["proxy-authorization"]',
  'res.headers["set-cookie"]',
  'req.url',
  'req.headers.referer',
  'req.params.token',
  'path',
  ...['password', 'currentPassword', 'newPassword'].flatMap((field) => [
    field,
    `*.${field}`,
    `req.body.${field}`,
  ]),
];

function redactTokensInUrl(url: string): string {
  return url.replace(TOKEN_IN_PATH, `$1${REDACTED}`);
}

function censor(value: unknown, path: string[]): unknown {
  const field = path.at(-1);
  if (typeof value === 'string' && field !== undefined && URL_FIELDS.has(field)) {
    return redactTokensInUrl(value);
  }
  return REDACTED;
}

/** pino's `redact` option: what the server's one logger hides from every record. */
const logRedaction: LoggerOptions['redact'] = { paths: REDACT_PATHS, censor };

/** The server's logger; `destination` is for tests that read what would have been written. */
export function createLogger(level: string, destination?: DestinationStream): Logger {
  const options: LoggerOptions = { level, base: { service: 'polisee' }, redact: logRedaction };
  return destination ? pino(options, destination) : pino(options);
}
