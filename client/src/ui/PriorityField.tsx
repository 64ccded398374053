import type { ThematicPriority } from '@polisee/domain';
import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useFieldErrorMessage } from './fieldErrorMessage';
import { PriorityCheckboxes } from './PriorityCheckboxes';

interface PriorityFieldProps<T extends FieldValues, U extends FieldValues> {
  /** The form's control, whatever its resolver turns the values into (`U`). */
  control: Control<T, unknown, U>;
  /** A field holding `ThematicPriority[]`; `thematicPriorities` in every form that has one. */
  name: Path<T>;
  withDescriptions?: boolean;
}

/**
 * The thematic priorities of a react-hook-form form, with the form's own wording when none is
 * picked: one field for every form that tags something with priorities.
 */
export function PriorityField<T extends FieldValues, U extends FieldValues = T>({
  control,
  name,
  withDescriptions,
}: PriorityFieldProps<T, U>) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  return (
    <Controller<T, Path<T>, U>
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <PriorityCheckboxes
          legend={t('fields.priorities')}
          value={field.value as ThematicPriority[]}
          onChange={field.onChange}
          error={fieldError(fieldState.error, { too_few: 'forms.pickPriority' })}
          withDescriptions={withDescriptions}
        />
      )}
    />
  );
}
