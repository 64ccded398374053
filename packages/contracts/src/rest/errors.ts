import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '@polisee/domain';

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/**
 * Why a field was refused, as a stable code the client translates. Zod's own messages are
 * English and change between releases, so they never reach a reader; the codes are a small set
 * of our own, with the bound (`limit`) beside the ones that have one. Never renamed once shipped.
 */
export const FIELD_ERROR_CODES = [
  'required',
  /** A text shorter than `limit` characters. */
  'too_short',
  /** A text longer than `limit` characters. */
  'too_long',
  /** Fewer than `limit` items chosen. */
  'too_few',
  /** More than `limit` items. */
  'too_many',
  /** A number below `limit`. */
  'too_small',
  /** A number above `limit`. */
  'too_large',
  /** Not an email address, a country code, a date… */
  'invalid_format',
  /** Not one of the allowed values, or a value the server does not know. */
  'invalid_value',
  /** A date that must lie in the future. */
  'in_the_past',
  /** A field the endpoint does not take. */
  'unknown_field',
] as const;
export const FieldErrorCodeSchema = z.enum(FIELD_ERROR_CODES);
export type FieldErrorCode = z.infer<typeof FieldErrorCodeSchema>;

/** One failing field: its dotted path (`countries.1`), its code, and an English note for logs. */
export const FieldIssueSchema = z.object({
  path: z.string(),
  code: FieldErrorCodeSchema,
  /** The bound the value broke, for `too_short`, `too_long`, `too_few`, `too_many`, … */
  limit: z.number().optional(),
  /** For developers and logs only: clients show the translated `code`. */
  message: z.string(),
});
export type FieldIssue = z.infer<typeof FieldIssueSchema>;

/** Every non-2xx JSON response has this shape. `details` lists failing fields for validation errors. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(codes),
    message: z.string(),
    /** A finer stable code within `code` (for `password_too_weak`, a PasswordWeakness). */
    reason: z.string().optional(),
    details: z.array(FieldIssueSchema).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/**
 * A zod issue as a field issue. Server and client both use this one mapping (the server on a
 * request, the client on a form), so a rule reads the same whichever side caught it.
 * "Required" needs the value the issue was about: parse with `{ reportInput: true }`.
 */
export function toFieldIssue(issue: z.core.$ZodIssue, fallbackPath: string): FieldIssue {
  const path = issue.path.length > 0 ? issue.path.map(String).join('.') : fallbackPath;
  return { path, ...fieldCodeOf(issue), message: issue.message };
}

function fieldCodeOf(issue: z.core.$ZodIssue): { code: FieldErrorCode; limit?: number } {
  const absent = issue.input === undefined || issue.input === null || issue.input === '';
  switch (issue.code) {
    case 'too_small': {
      const limit = Number(issue.minimum);
      if (issue.origin === 'string')
        return limit <= 1 ? { code: 'required' } : { code: 'too_short', limit };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_few', limit };
      return { code: 'too_small', limit };
    }
    case 'too_big': {
      const limit = Number(issue.maximum);
      if (issue.origin === 'string') return { code: 'too_long', limit };
      if (issue.origin === 'array' || issue.origin === 'set') return { code: 'too_many', limit };
      return { code: 'too_large', limit };
    }
    case 'invalid_format':
      return { code: absent ? 'required' : 'invalid_format' };
    case 'unrecognized_keys':
      return { code: 'unknown_field' };
    default:
      // invalid_type, invalid_value (an enum), custom refinements, unions …
      return { code: absent ? 'required' : 'invalid_value' };
  }
}
