import { AppError } from '@polisee/domain';
import type { z } from 'zod';

/**
 * Parses untrusted input against its contract schema. On failure the error names every failing
 * field, so a client can show it next to the input. Handlers only ever see parsed values.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    path: issue.path.length ? issue.path.map(String).join('.') : where,
    message: issue.message,
  }));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new AppError('validation_failed', `Invalid ${where}: ${summary}`, details);
}
