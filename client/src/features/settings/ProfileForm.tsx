import type { Language } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useSessionInfo, useUpdateProfile } from '../../api/auth';
import { useUiStore } from '../../stores/ui';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FieldError } from '../../ui/FieldError';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';

export function ProfileForm() {
  const { t, i18n } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const session = useSessionInfo();
  const update = useUpdateProfile();
  const announce = useUiStore((s) => s.announce);
  const [name, setName] = useState(session.user.name);
  const [nameError, setNameError] = useState<string>();

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const trimmed = name.trim();
    if (trimmed === '') {
      setNameError(t('forms.required'));
      return;
    }
    setNameError(undefined);
    update.mutate({ name: trimmed }, { onSuccess: () => announce(t('settings.profileSaved')) });
  }

  // The same preference as the header's switcher: applied at once, then stored.
  function changeLanguage(language: Language) {
    void i18n.changeLanguage(language);
    update.mutate({ language }, { onSuccess: () => announce(t('settings.languageSaved')) });
  }

  const serverError = isApiError(update.error) ? update.error.fieldErrors().name : undefined;
  const message = nameError ?? fieldError(serverError);

  return (
    <section className="card settings-card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      <dl className="meta-list compact">
        <dt>{t('auth.fields.email')}</dt>
        <dd>{session.user.email}</dd>
        <dt>{t('fields.organisation')}</dt>
        <dd>{session.organisation.name}</dd>
      </dl>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="settings-name">{t('fields.name')}</label>
          <input
            id="settings-name"
            name="name"
            autoComplete="name"
            maxLength={120}
            value={name}
            aria-invalid={message ? true : undefined}
            aria-describedby={describedBy(message && 'settings-name-error')}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id="settings-name-error" message={message} />
        </div>
        <button type="submit" className="button button-primary" disabled={update.isPending}>
          {t('settings.saveName')}
        </button>
      </form>
      <LanguageSelect
        label={t('settings.preferredLanguage')}
        name="preferredLanguage"
        value={session.user.language}
        onChange={changeLanguage}
      />
      <p className="field-hint">{t('settings.languageHint')}</p>
      <ErrorAlert error={serverError ? null : update.error} context={t('settings.saveFailed')} />
    </section>
  );
}
