import { toNestErrors } from '@hookform/resolvers';
import { toFieldIssue, type FieldIssue } from '@polisee/contracts';
import type { FieldError, FieldValues, Resolver } from 'react-hook-form';
import type { z } from 'zod';

/**
 * A react-hook-form resolver for a contract schema (or a form schema built from one). It parses
 * exactly as the server does and names each failing field by the server's own code and limit
 * (`toFieldIssue`), so a rule reads the same whichever side caught it.
 *
 * Not `zodResolver` from `@hookform/resolvers/zod`: that one keeps only zod's English message
 * and issue type, dropping the limit and the value we need to tell "required" from "wrong"
 * (docs/decisions/0046-form-field-errors.md). Nesting uses the library's own `toNestErrors`.
 */
export function contractResolver<Input extends FieldValues, Output>(
  schema: z.ZodType<Output, Input>,
): Resolver<Input, unknown, Output> {
  return (values, _context, options) => {
    const result = schema.safeParse(values, { reportInput: true });
    if (result.success) return { values: result.data, errors: {} };
    const errors: Record<string, FieldError> = {};
    for (const issue of result.error.issues) {
      const fieldIssue = toFieldIssue(issue, 'root');
      errors[fieldOf(fieldIssue.path)] ??= asFormError(fieldIssue);
    }
    return { values: {}, errors: toNestErrors<Input>(errors, options) };
  };
}

/**
 * The input a path belongs to: `countries.3` is the countries field, not a fourth input; but
 * `agenda.2.title` is the title input of a field array's third row, so only a trailing index
 * goes.
 */
export function fieldOf(path: string): string {
  const segments = path.split('.');
  while (segments.length > 1 && /^\d+$/.test(segments.at(-1) ?? '')) segments.pop();
  return segments.join('.');
}

/**
 * A field issue as react-hook-form keeps it: the code as `type`, code and limit in `message`
 * (FieldError has no other place for the limit). `fieldProblemOf` reads it back.
 */
export function asFormError(issue: Pick<FieldIssue, 'code' | 'limit'>): FieldError {
  return { type: issue.code, message: encodeProblem(issue) };
}

/** A code and limit in a FieldError's message, or a catalog key for a form's own rule. */
export interface FieldProblem {
  code: string;
  limit?: number | undefined;
}

function encodeProblem({ code, limit }: FieldProblem): string {
  return JSON.stringify(limit === undefined ? { code } : { code, limit });
}

/** Reads back what `asFormError` stored; an error set another way counts as `invalid_value`. */
export function fieldProblemOf(error: FieldError | undefined): FieldProblem | undefined {
  if (!error) return undefined;
  try {
    const parsed = JSON.parse(error.message ?? '') as Partial<FieldProblem>;
    if (typeof parsed.code === 'string')
      return {
        code: parsed.code,
        ...(typeof parsed.limit === 'number' ? { limit: parsed.limit } : {}),
      };
  } catch {
    // not one of ours
  }
  return { code: 'invalid_value' };
}
