import {
  CreateOrganisationRequestSchema,
  type CreateOrganisationRequest,
} from '@polisee/contracts';
import { ORGANISATION_TYPES } from '@polisee/domain';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useCreateOrganisation } from '../../api/workspace';
import { useFormat } from '../../i18n/format';
import { useUiStore } from '../../stores/ui';
import { contractResolver } from '../../ui/contractResolver';
import { PROGRAMME_COUNTRIES, sortCountries } from '../../ui/countries';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';

type OrganisationFormValues = Record<keyof CreateOrganisationRequest, string>;
const ORGANISATION_FIELDS = ['name', 'country', 'type'] as const;
const resolver = contractResolver<OrganisationFormValues, CreateOrganisationRequest>(
  CreateOrganisationRequestSchema,
);
// The placeholder options: an unchosen select reads as `required`, like on the server.
const EMPTY: OrganisationFormValues = { name: '', country: '', type: '' };

export function OrganisationForm() {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const format = useFormat();
  const create = useCreateOrganisation();
  const announce = useUiStore((s) => s.announce);
  const form = useForm<OrganisationFormValues, unknown, CreateOrganisationRequest>({
    resolver,
    defaultValues: EMPTY,
  });
  const { errors } = form.formState;

  const submit = form.handleSubmit((request) => {
    create.mutate(request, {
      onSuccess: (organisation) => {
        announce(t('admin.organisation.created', { name: organisation.name }));
        form.reset(EMPTY);
      },
      onError: (error) => showServerFieldErrors(error, ORGANISATION_FIELDS, form.setError),
    });
  });

  return (
    <section className="card admin-card" aria-labelledby="organisation-form-title">
      <h2 id="organisation-form-title">{t('admin.organisation.title')}</h2>
      <form onSubmit={(event) => void submit(event)} noValidate>
        <TextField
          id="org-name"
          label={t('fields.name')}
          maxLength={200}
          error={fieldError(errors.name)}
          {...form.register('name')}
        />
        <div className="field-row">
          <SelectField
            id="org-country"
            label={t('fields.country')}
            error={fieldError(errors.country)}
            {...form.register('country')}
          >
            <option value="">{t('admin.chooseCountry')}</option>
            {sortCountries(PROGRAMME_COUNTRIES, format.country).map((code) => (
              <option key={code} value={code}>
                {format.country(code)} ({code})
              </option>
            ))}
          </SelectField>
          <SelectField
            id="org-type"
            label={t('fields.organisationType')}
            error={fieldError(errors.type)}
            {...form.register('type')}
          >
            <option value="">{t('admin.chooseType')}</option>
            {ORGANISATION_TYPES.map((value) => (
              <option key={value} value={value}>
                {t(`organisationTypes.${value}`)}
              </option>
            ))}
          </SelectField>
        </div>
        <ErrorAlert error={create.error} context={t('admin.organisation.failed')} />
        <button type="submit" className="button button-primary" disabled={create.isPending}>
          {t('admin.organisation.submit')}
        </button>
      </form>
    </section>
  );
}
