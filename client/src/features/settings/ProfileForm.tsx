import { UpdateProfileRequestSchema } from '@polisee/contracts';
import type { Language } from '@polisee/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { z } from 'zod';
import { useSessionInfo, useUpdateProfile } from '../../api/auth';
import { useUiStore } from '../../stores/ui';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { LanguageSelect } from '../../ui/LanguageSelect';
import { TextField } from '../../ui/TextField';

/** The name form sends only the name; the language is saved on its own as soon as it changes. */
const NameFormSchema = z.object({ name: UpdateProfileRequestSchema.shape.name.unwrap() });
type NameFormValues = z.input<typeof NameFormSchema>;
const resolver = contractResolver(NameFormSchema);

export function ProfileForm() {
  const { t, i18n } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const session = useSessionInfo();
  const update = useUpdateProfile();
  const announce = useUiStore((s) => s.announce);
  // A refusal shown at the name needs no alert repeating it.
  const [shownAtField, setShownAtField] = useState(false);
  const form = useForm<NameFormValues, unknown, z.output<typeof NameFormSchema>>({
    resolver,
    defaultValues: { name: session.user.name },
  });

  const submit = form.handleSubmit(({ name }) => {
    update.mutate(
      { name },
      {
        onSuccess: () => announce(t('settings.profileSaved')),
        onError: (error) => setShownAtField(showServerFieldErrors(error, ['name'], form.setError)),
      },
    );
  });

  // The same preference as the header's switcher: applied at once, then stored.
  function changeLanguage(language: Language) {
    void i18n.changeLanguage(language);
    update.mutate({ language }, { onSuccess: () => announce(t('settings.languageSaved')) });
  }

  return (
    <section className="card settings-card" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('settings.profile')}</h2>
      <dl className="meta-list compact">
        <dt>{t('auth.fields.email')}</dt>
        <dd>{session.user.email}</dd>
        <dt>{t('fields.organisation')}</dt>
        <dd>{session.organisation.name}</dd>
      </dl>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="settings-name"
          label={t('fields.name')}
          autoComplete="name"
          maxLength={120}
          error={fieldError(form.formState.errors.name)}
          {...form.register('name')}
        />
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
      <ErrorAlert error={shownAtField ? null : update.error} context={t('settings.saveFailed')} />
    </section>
  );
}
