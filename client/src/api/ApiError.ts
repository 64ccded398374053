import { ERROR_CODES, type ErrorCode } from '@polisee/domain';
import { ErrorResponseSchema, type FieldIssue } from '@polisee/contracts';

/**
 * Codes the client adds for failures that never reached a JSON answer from the server:
 * the network is down, or something other than the API answered (a proxy's HTML page).
 */
export type ClientErrorCode = 'network_error' | 'unexpected_response';
export type ApiErrorCode = ErrorCode | ClientErrorCode;

export type { FieldIssue };

/** An error from the API as a value: the stable code to switch on, the HTTP status, field details. */
export class ApiError extends Error {
  constructor(
    readonly code: ApiErrorCode,
    readonly status: number,
    message: string,
    readonly details: FieldIssue[] = [],
    /** A finer stable code within `code` (for `password_too_weak`, a PasswordWeakness). */
    readonly reason?: string,
  ) {
    super(message);
    this.name = 'ApiError';
  }

  /** The first detail per top-level field (`countries.1` belongs to `countries`). */
  fieldErrors(): Record<string, FieldIssue> {
    const byField: Record<string, FieldIssue> = {};
    for (const issue of this.details) {
      const field = issue.path.split('.')[0] ?? '';
      if (!(field in byField)) byField[field] = issue;
    }
    return byField;
  }
}

export function isApiError(error: unknown, code?: ApiErrorCode): error is ApiError {
  return error instanceof ApiError && (code === undefined || error.code === code);
}

/** Turns a non-2xx response body into an ApiError, whatever the body turned out to be. */
export function toApiError(status: number, body: unknown): ApiError {
  const parsed = ErrorResponseSchema.safeParse(body);
  if (parsed.success) {
    const { code, message, details, reason } = parsed.data.error;
    return new ApiError(code, status, message, details ?? [], reason);
  }
  return new ApiError(fallbackCode(status), status, `Unexpected response (HTTP ${status})`);
}

function fallbackCode(status: number): ApiErrorCode {
  const known = (Object.keys(ERROR_CODES) as ErrorCode[]).filter((c) => ERROR_CODES[c] === status);
  // Several codes share a status (401, 403, 400); only an unambiguous one is a safe guess.
  return known.length === 1 && known[0] ? known[0] : 'unexpected_response';
}
