import type { ReactNode, Ref, SelectHTMLAttributes } from 'react';
import { FieldError } from './FieldError';
import { useFieldIds } from './fieldIds';

interface SelectFieldProps extends Omit<SelectHTMLAttributes<HTMLSelectElement>, 'id'> {
  id?: string;
  label: string;
  hint?: string | undefined;
  /** Already translated (see useFieldErrorMessage). */
  error: string | undefined;
  /** The `<option>`s. */
  children: ReactNode;
  className?: string;
  ref?: Ref<HTMLSelectElement>;
}

/** A labelled select, wired like TextField. */
export function SelectField({
  id,
  label,
  hint,
  error,
  children,
  className,
  ...select
}: SelectFieldProps) {
  const { controlId, hintId, errorId, aria } = useFieldIds(id, hint, error);
  return (
    <div className={className ?? 'field'}>
      <label htmlFor={controlId}>{label}</label>
      <select id={controlId} {...select} {...aria}>
        {children}
      </select>
      {hint ? (
        <p id={hintId} className="field-hint">
          {hint}
        </p>
      ) : null}
      <FieldError id={errorId} message={error} />
    </div>
  );
}
