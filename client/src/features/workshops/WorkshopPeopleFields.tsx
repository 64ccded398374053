import type { Member } from '@polisee/contracts';
import type { Organisation, User } from '@polisee/domain';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import type { WorkshopFormValues, WorkshopRequest } from './workshopForm';

interface WorkshopPeopleFieldsProps {
  form: UseFormReturn<WorkshopFormValues, unknown, WorkshopRequest>;
  members: readonly Member[];
  /** Everyone the reader may see (GET /users); those not in the group can be guests. */
  users: readonly User[];
  organisations: readonly Organisation[];
}

/** Facilitators among the group's members; guests among the members of other groups. */
export function WorkshopPeopleFields({
  form,
  members,
  users,
  organisations,
}: WorkshopPeopleFieldsProps) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const organisationOf = (organisationId: string) =>
    organisations.find((o) => o.id === organisationId)?.name;
  const memberIds = new Set(members.map((m) => m.user.id));
  const person = (p: { id: string; name: string; organisationId: string }) => ({
    value: p.id,
    label: p.name,
    hint: organisationOf(p.organisationId),
  });
  const facilitatorOptions = members.map((m) => person(m.user));
  const guestOptions = users.filter((u) => !memberIds.has(u.id)).map(person);

  return (
    <>
      <Controller
        control={form.control}
        name="facilitatorIds"
        render={({ field, fieldState }) => (
          <div className="field">
            <CheckboxGroup
              legend={t('workshops.form.facilitators')}
              name={field.name}
              options={facilitatorOptions}
              value={field.value ?? []}
              onChange={field.onChange}
              error={fieldError(fieldState.error)}
              className="checkbox-group checkbox-columns"
            />
            <p className="field-hint">{t('workshops.form.facilitatorsHint')}</p>
          </div>
        )}
      />
      <Controller
        control={form.control}
        name="guestIds"
        render={({ field, fieldState }) => (
          <div className="field">
            {guestOptions.length > 0 ? (
              <CheckboxGroup
                legend={t('workshops.form.guests')}
                name={field.name}
                options={guestOptions}
                value={field.value ?? []}
                onChange={field.onChange}
                error={fieldError(fieldState.error)}
                className="checkbox-group checkbox-columns checkbox-scroll"
              />
            ) : (
              <p className="muted">{t('workshops.form.noGuests')}</p>
            )}
            <p className="field-hint">{t('workshops.form.guestsHint')}</p>
          </div>
        )}
      />
    </>
  );
}
