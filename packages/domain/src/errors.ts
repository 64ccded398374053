/**
 * Stable error codes. Clients switch on these, so a code is never renamed once shipped.
 * The HTTP status lives beside the code so every edge maps errors the same way.
 */
export const ERROR_CODES = {
  unauthenticated: 401,
  invalid_credentials: 401,
  forbidden: 403,
  csrf_origin_mismatch: 403,
  not_found: 404,
  validation_failed: 400,
  malformed_json: 400,
  conflict: 409,
  invitation_invalid: 410,
  /** The `reason` says why: a PasswordWeakness. */
  password_too_weak: 400,
  rate_limited: 429,
  payload_too_large: 413,
  internal: 500,
} as const;
export type ErrorCode = keyof typeof ERROR_CODES;

/** An error as a value: a stable code, its HTTP status, and a message that is safe to show. */
export class AppError extends Error {
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
    /** A finer stable code within `code`, so a client can say why (see `password_too_weak`). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'AppError';
    this.status = ERROR_CODES[code];
  }
}
