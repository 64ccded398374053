import { Controller, type Control, type FieldValues, type Path } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { CountriesInput } from './CountriesInput';
import { useFieldErrorMessage } from './fieldErrorMessage';

interface CountriesFieldProps<T extends FieldValues, U extends FieldValues> {
  control: Control<T, unknown, U>;
  /** A field holding the comma-separated codes as typed; the contract schema splits them. */
  name: Path<T>;
}

/** The countries a document concerns, in a react-hook-form form: one field for every such form. */
export function CountriesField<T extends FieldValues, U extends FieldValues = T>({
  control,
  name,
}: CountriesFieldProps<T, U>) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  return (
    <Controller<T, Path<T>, U>
      control={control}
      name={name}
      render={({ field, fieldState }) => (
        <CountriesInput
          label={t('fields.countries')}
          value={field.value as string}
          onChange={field.onChange}
          error={fieldError(fieldState.error)}
        />
      )}
    />
  );
}
