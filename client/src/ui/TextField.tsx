import type { InputHTMLAttributes, Ref } from 'react';
import { FieldError } from './FieldError';
import { useFieldIds } from './fieldIds';

interface TextFieldProps extends Omit<InputHTMLAttributes<HTMLInputElement>, 'id'> {
  /** Given when a test or a label elsewhere needs a stable id; otherwise one is generated. */
  id?: string;
  label: string;
  /** Shown under the input and linked from it; stays while the user types. */
  hint?: string | undefined;
  /** Already translated (see useFieldErrorMessage). */
  error: string | undefined;
  /** For a controlled input; a registered one (`{...register('name')}`) passes onChange and ref. */
  onValueChange?: (value: string) => void;
  ref?: Ref<HTMLInputElement>;
}

/** A labelled input with its hint and error wired for assistive technology. */
export function TextField({
  id,
  label,
  hint,
  error,
  onValueChange,
  onChange,
  ...input
}: TextFieldProps) {
  const { controlId, hintId, errorId, aria } = useFieldIds(id, hint, error);
  return (
    <div className="field">
      <label htmlFor={controlId}>{label}</label>
      <input
        id={controlId}
        {...input}
        {...aria}
        onChange={(e) => {
          onChange?.(e);
          onValueChange?.(e.target.value);
        }}
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
