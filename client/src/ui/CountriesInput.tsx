import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import { parseCountries } from './countries';
import { describedBy, FieldError } from './FieldError';

interface CountriesInputProps {
  label: string;
  value: string;
  onChange: (value: string) => void;
  /** An error from the server or from submitting, shown under the field. */
  error?: string | undefined;
  name?: string;
}

/**
 * Countries as comma-separated ISO codes ("GR, RO"). Under the field the codes read back as
 * names in the UI language, so a typo shows before the form is sent.
 */
export function CountriesInput({
  label,
  value,
  onChange,
  error,
  name = 'countries',
}: CountriesInputProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const hintId = `${id}-hint`;
  const errorId = `${id}-error`;
  const parsed = parseCountries(value);
  // Naming the entries that are not codes says more than a submitted `invalid_format` does.
  const message =
    parsed.invalid.length > 0
      ? t('forms.countriesInvalid', { codes: parsed.invalid.join(', ') })
      : error;

  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        name={name}
        type="text"
        value={value}
        autoComplete="off"
        spellCheck={false}
        aria-invalid={message ? true : undefined}
        aria-describedby={describedBy(hintId, message && errorId)}
        onChange={(e) => onChange(e.target.value)}
      />
      <p id={hintId} className="field-hint">
        {parsed.codes.length > 0
          ? t('forms.countriesRecognised', {
              countries: format.list(parsed.codes.map(format.country)),
            })
          : t('forms.countriesHint')}
      </p>
      <FieldError id={errorId} message={message} />
    </div>
  );
}
