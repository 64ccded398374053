import { FIELD_ERROR_CODES, type FieldErrorCode, type FieldIssue } from '@polisee/contracts';
import type { FieldError, FieldValues, Path, UseFormSetError } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../api/ApiError';
import { asFormError, fieldOf, fieldProblemOf } from './contractResolver';

const isFieldErrorCode = (code: string): code is FieldErrorCode =>
  (FIELD_ERROR_CODES as readonly string[]).includes(code);

/**
 * The catalog key of a code. The keys are camelCase (`tooFew`): i18next and the catalog checks
 * read a `_few` or `_many` ending as a plural form.
 */
export function fieldErrorKey(code: FieldErrorCode): string {
  return `errors.fields.${code.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase())}`;
}

/** A form's own wording for a code on one field ("Choose at least one priority"), as catalog keys. */
export type FieldWording = Partial<Record<FieldErrorCode, string>>;

/**
 * Translates a field's error, whether the form's own check or the server found it, into the
 * reader's language. The code is translated at render, so switching language re-translates it.
 */
export function useFieldErrorMessage() {
  const { t } = useTranslation();
  return (
    error: FieldError | FieldIssue | undefined,
    wording: FieldWording = {},
  ): string | undefined => {
    // A FieldIssue straight from an ApiError (forms that keep the server's errors apart).
    const problem = error && 'code' in error ? error : fieldProblemOf(error);
    if (!problem) return undefined;
    // Older keys a form may reword with name the bound `min` or `max` (forms.tooLong,
    // errors.passwordWeaknesses.too_short); the field codes' own keys name it `limit`.
    const { limit } = problem;
    const options = limit === undefined ? {} : { limit, min: limit, max: limit };
    if (!isFieldErrorCode(problem.code)) return t(problem.code, options);
    return t(wording[problem.code] ?? fieldErrorKey(problem.code), options);
  };
}

/**
 * Puts the server's field errors on the form's fields, so they show where the form's own would.
 * Returns whether any landed on a field the form has; the rest stay for the form's alert.
 */
export function showServerFieldErrors<T extends FieldValues>(
  error: unknown,
  fields: readonly Path<T>[],
  setError: UseFormSetError<T>,
): boolean {
  if (!isApiError(error, 'validation_failed')) return false;
  let shown = false;
  for (const issue of error.details) {
    const field = fields.find((f) => f === fieldOf(issue.path));
    if (!field) continue;
    setError(field, asFormError(issue), { shouldFocus: !shown });
    shown = true;
  }
  return shown;
}
