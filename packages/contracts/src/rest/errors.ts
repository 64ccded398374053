import { z } from 'zod';
import { ERROR_CODES, type ErrorCode } from '@polisee/domain';

const codes = Object.keys(ERROR_CODES) as [ErrorCode, ...ErrorCode[]];

/** Every non-2xx JSON response has this shape. `details` lists failing fields for validation errors. */
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(codes),
    message: z.string(),
    /** A finer stable code within `code` (for `password_too_weak`, a PasswordWeakness). */
    reason: z.string().optional(),
    details: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;
