import { LANGUAGES, type Language } from '@polisee/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';

interface LanguageSelectProps {
  label: string;
  value: Language;
  onChange: (language: Language) => void;
  name?: string;
  disabled?: boolean;
  className?: string;
}

/** The six languages, each named in itself (English, Shqip, Български, …); values are the codes. */
export function LanguageSelect({
  label,
  value,
  onChange,
  name = 'language',
  disabled,
  className,
}: LanguageSelectProps) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className={className ?? 'field'}>
      <label htmlFor={id}>{label}</label>
      <select
        id={id}
        name={name}
        value={value}
        disabled={disabled}
        onChange={(e) => onChange(e.target.value as Language)}
      >
        {LANGUAGES.map((language) => (
          <option key={language} value={language} lang={language}>
            {t(`languageNames.${language}`)}
          </option>
        ))}
      </select>
    </div>
  );
}
