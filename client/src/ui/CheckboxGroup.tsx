import type { InputHTMLAttributes, ReactNode } from 'react';
import { FieldError } from './FieldError';
import { useFieldIds } from './fieldIds';

export interface CheckboxOption<V extends string> {
  value: V;
  label: ReactNode;
  /** A line under the label. */
  hint?: ReactNode;
  /** Extra attributes for this box (a `data-*` a test finds it by). */
  inputProps?: InputHTMLAttributes<HTMLInputElement> & Record<`data-${string}`, string>;
}

interface CheckboxGroupProps<V extends string> {
  legend: string;
  name: string;
  options: readonly CheckboxOption<V>[];
  value: readonly V[];
  /** The chosen values, in the options' order whatever the click order was. */
  onChange: (value: V[]) => void;
  /** Already translated (see useFieldErrorMessage). */
  error?: string | undefined;
  className?: string;
}

/** Several boxes under one legend, with one error for the group (a fieldset named by it). */
export function CheckboxGroup<V extends string>({
  legend,
  name,
  options,
  value,
  onChange,
  error,
  className = 'checkbox-group',
}: CheckboxGroupProps<V>) {
  const { errorId, aria } = useFieldIds(undefined, undefined, error);

  function toggle(option: V, checked: boolean) {
    const next = checked ? [...value, option] : value.filter((v) => v !== option);
    onChange(options.map((o) => o.value).filter((v) => next.includes(v)));
  }

  return (
    <fieldset className={className} {...aria}>
      <legend>{legend}</legend>
      {options.map((option) => (
        <label key={option.value} className="checkbox">
          <input
            type="checkbox"
            name={name}
            value={option.value}
            checked={value.includes(option.value)}
            onChange={(e) => toggle(option.value, e.target.checked)}
            {...option.inputProps}
          />
          <span>
            {option.label}
            {option.hint ? <span className="checkbox-hint">{option.hint}</span> : null}
          </span>
        </label>
      ))}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
