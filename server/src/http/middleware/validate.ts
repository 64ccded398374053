import { AppError } from '@polisee/domain';
import { toFieldIssue } from '@polisee/contracts';
import type { z } from 'zod';

/**
 * Parses untrusted input against its contract schema. On failure the error names every failing
 * field with a stable code (`required`, `too_long` with its limit, …), so a client can show it
 * next to the input in the reader's language. Handlers only ever see parsed values.
 */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
  where: 'body' | 'query' | 'params',
): z.output<S> {
  // `reportInput` lets the mapping tell an empty field from a wrong one; the input itself is
  // never sent back (toFieldIssue keeps only the path, code, limit and message).
  const result = schema.safeParse(input, { reportInput: true });
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => toFieldIssue(issue, where));
  const summary = details.map((d) => `${d.path}: ${d.message}`).join('; ');
  throw new AppError('validation_failed', `Invalid ${where}: ${summary}`, details);
}
