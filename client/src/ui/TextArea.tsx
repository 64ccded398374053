import type { Ref, TextareaHTMLAttributes } from 'react';
import { FieldError } from './FieldError';
import { useFieldIds } from './fieldIds';

interface TextAreaProps extends Omit<TextareaHTMLAttributes<HTMLTextAreaElement>, 'id'> {
  id?: string;
  label: string;
  hint?: string | undefined;
  /** Already translated (see useFieldErrorMessage). */
  error: string | undefined;
  ref?: Ref<HTMLTextAreaElement>;
}

/** A labelled multi-line input, wired like TextField. */
export function TextArea({ id, label, hint, error, ...textarea }: TextAreaProps) {
  const { controlId, hintId, errorId, aria } = useFieldIds(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      <textarea id={controlId} {...textarea} {...aria} />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
