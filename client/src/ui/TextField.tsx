import type { InputHTMLAttributes } from 'react';
import { describedBy, FieldError } from './FieldError';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id' | 'onChange'> {
  id: string;
  label: string;
  /** Shown under the input and linked from it; stays while the user types. */
  hint?: string;
  error: string | undefined;
  onValueChange: (value: string) => void;
}

/**
 * A labelled input with its hint and error wired for assistive technology: `aria-invalid` when
 * there is an error, `aria-describedby` naming the hint and the error.
 */
export function TextField({ id, label, hint, error, onValueChange, ...input }: TextFieldProps) {
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = `${id}-error`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...input}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy(hintId, error && errorId)}
        onChange={(e) => onValueChange(e.target.value)}
      />
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
