import { useId } from 'react';
import { describedBy } from './FieldError';

/**
 * The ids that tie a control to its label, hint and error, and the `aria-*` the control needs:
 * `aria-invalid` when there is an error, `aria-describedby` naming the hint and the error.
 */
export function useFieldIds(id: string | undefined, hint: unknown, error: string | undefined) {
  const generated = useId();
  const controlId = id ?? generated;
  const hintId = hint ? `${controlId}-hint` : undefined;
  const errorId = `${controlId}-error`;
  return {
    controlId,
    hintId,
    errorId,
    aria: {
      'aria-invalid': error ? true : undefined,
      'aria-describedby': describedBy(hintId, error && errorId),
    },
  };
}
