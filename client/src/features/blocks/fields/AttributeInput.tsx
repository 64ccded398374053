import { useEffect, useRef, useState, type InputHTMLAttributes } from 'react';

interface AttributeInputProps extends Omit<
  InputHTMLAttributes<HTMLInputElement>,
  'value' | 'onChange' | 'defaultValue'
> {
  /** The stored value, as text. */
  value: string;
  /**
   * Called with each edit. Returns false when the text cannot be stored (e.g. not a number):
   * the field keeps it and is flagged as invalid instead.
   */
  onCommit: (text: string) => boolean | void;
  /** Accessible name, already translated. */
  label: string;
}

/**
 * A text field bound to a block attribute. Every edit is sent at once (partners see it live),
 * but what the field shows while it has focus is what was typed: a remote update arriving
 * mid-word must not move the caret. Once the field is left it follows the document again.
 */
export function AttributeInput({ value, onCommit, label, ...rest }: AttributeInputProps) {
  const [draft, setDraft] = useState(value);
  const [invalid, setInvalid] = useState(false);
  const focused = useRef(false);

  useEffect(() => {
    if (!focused.current) {
      setDraft(value);
      setInvalid(false);
    }
  }, [value]);

  return (
    <input
      type="text"
      {...rest}
      aria-label={label}
      aria-invalid={invalid || undefined}
      value={draft}
      onFocus={() => {
        focused.current = true;
      }}
      onBlur={() => {
        focused.current = false;
        if (!invalid) setDraft(value);
      }}
      onChange={(event) => {
        setDraft(event.target.value);
        setInvalid(onCommit(event.target.value) === false);
      }}
    />
  );
}
