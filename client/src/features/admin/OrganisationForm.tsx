import { CountryCodeSchema, ORGANISATION_TYPES, OrganisationTypeSchema } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useCreateOrganisation } from '../../api/workspace';
import { useFormat } from '../../i18n/format';
import { useUiStore } from '../../stores/ui';
import { PROGRAMME_COUNTRIES, sortCountries } from '../../ui/countries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { describedBy, FieldError } from '../../ui/FieldError';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';

export function OrganisationForm() {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const format = useFormat();
  const create = useCreateOrganisation();
  const announce = useUiStore((s) => s.announce);
  const [name, setName] = useState('');
  const [country, setCountry] = useState('');
  const [type, setType] = useState('');
  const [errors, setErrors] = useState<Record<string, string | undefined>>({});

  function submit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const parsedCountry = CountryCodeSchema.safeParse(country);
    const parsedType = OrganisationTypeSchema.safeParse(type);
    setErrors({
      name: name.trim() ? undefined : t('forms.required'),
      country: parsedCountry.success ? undefined : t('forms.required'),
      type: parsedType.success ? undefined : t('forms.required'),
    });
    if (!name.trim() || !parsedCountry.success || !parsedType.success) return;
    create.mutate(
      { name: name.trim(), country: parsedCountry.data, type: parsedType.data },
      {
        onSuccess: (organisation) => {
          announce(t('admin.organisation.created', { name: organisation.name }));
          setName('');
          setCountry('');
          setType('');
        },
      },
    );
  }

  const serverErrors = isApiError(create.error) ? create.error.fieldErrors() : {};
  const errorOf = (field: string) => errors[field] ?? fieldError(serverErrors[field]);

  return (
    <section className="card admin-card" aria-labelledby="organisation-form-title">
      <h2 id="organisation-form-title">{t('admin.organisation.title')}</h2>
      <form onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor="org-name">{t('fields.name')}</label>
          <input
            id="org-name"
            name="name"
            value={name}
            maxLength={200}
            aria-invalid={errorOf('name') ? true : undefined}
            aria-describedby={describedBy(errorOf('name') && 'org-name-error')}
            onChange={(e) => setName(e.target.value)}
          />
          <FieldError id="org-name-error" message={errorOf('name')} />
        </div>
        <div className="field-row">
          <div className="field">
            <label htmlFor="org-country">{t('fields.country')}</label>
            <select
              id="org-country"
              name="country"
              value={country}
              aria-invalid={errorOf('country') ? true : undefined}
              aria-describedby={describedBy(errorOf('country') && 'org-country-error')}
              onChange={(e) => setCountry(e.target.value)}
            >
              <option value="">{t('admin.chooseCountry')}</option>
              {sortCountries(PROGRAMME_COUNTRIES, format.country).map((code) => (
                <option key={code} value={code}>
                  {format.country(code)} ({code})
                </option>
              ))}
            </select>
            <FieldError id="org-country-error" message={errorOf('country')} />
          </div>
          <div className="field">
            <label htmlFor="org-type">{t('fields.organisationType')}</label>
            <select
              id="org-type"
              name="type"
              value={type}
              aria-invalid={errorOf('type') ? true : undefined}
              aria-describedby={describedBy(errorOf('type') && 'org-type-error')}
              onChange={(e) => setType(e.target.value)}
            >
              <option value="">{t('admin.chooseType')}</option>
              {ORGANISATION_TYPES.map((value) => (
                <option key={value} value={value}>
                  {t(`organisationTypes.${value}`)}
                </option>
              ))}
            </select>
            <FieldError id="org-type-error" message={errorOf('type')} />
          </div>
        </div>
        <ErrorAlert error={create.error} context={t('admin.organisation.failed')} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.organisation.submit')}
        </button>
      </form>
    </section>
  );
}
