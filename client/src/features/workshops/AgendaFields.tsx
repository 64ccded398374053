import { THEMATIC_PRIORITIES, WORKSHOP_LIMITS } from '@polisee/domain';
import { useRef } from 'react';
import { Controller, useFieldArray, type UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { FieldError } from '../../ui/FieldError';
import { useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { SectionSelect, type LinkedSections } from './SectionSelect';
import { newAgendaItem, type WorkshopFormValues, type WorkshopRequest } from './workshopForm';

interface AgendaFieldsProps {
  form: UseFormReturn<WorkshopFormValues, unknown, WorkshopRequest>;
  linked: readonly LinkedSections[];
}

/**
 * The agenda as a list of rows, each a fieldset named "Item n": title, planned minutes, an
 * optional thematic priority and an optional section of a linked document. Rows are added,
 * removed and moved with buttons, so the order can be changed from the keyboard.
 */
export function AgendaFields({ form, linked }: AgendaFieldsProps) {
  const { t } = useTranslation();
  const fieldError = useFieldErrorMessage();
  const { fields, append, remove, move } = useFieldArray({ control: form.control, name: 'agenda' });
  const addButton = useRef<HTMLButtonElement>(null);
  const errors = form.formState.errors.agenda;
  const total = (form.watch('agenda') ?? []).reduce(
    (sum, row) => sum + (Number.parseInt(row.minutes, 10) || 0),
    0,
  );

  return (
    <fieldset className="agenda-fields" aria-describedby="agenda-total">
      <legend>{t('workshops.form.agenda')}</legend>
      <ol className="agenda-rows">
        {fields.map((row, index) => {
          const n = index + 1;
          const rowErrors = errors?.[index];
          return (
            <li key={row.id}>
              <fieldset className="agenda-item" data-testid={`agenda-item-${n}`}>
                <legend>{t('workshops.form.item', { n })}</legend>
                <div className="agenda-item-fields">
                  <TextField
                    id={`agenda-${index}-title`}
                    label={t('workshops.form.itemTitle')}
                    maxLength={WORKSHOP_LIMITS.titleChars}
                    required
                    error={fieldError(rowErrors?.title)}
                    {...form.register(`agenda.${index}.title`)}
                  />
                  <TextField
                    id={`agenda-${index}-minutes`}
                    label={t('workshops.form.minutes')}
                    type="number"
                    inputMode="numeric"
                    min={1}
                    max={WORKSHOP_LIMITS.itemMinutes}
                    required
                    error={fieldError(rowErrors?.minutes)}
                    {...form.register(`agenda.${index}.minutes`)}
                  />
                  <SelectField
                    id={`agenda-${index}-priority`}
                    label={t('workshops.form.priority')}
                    error={fieldError(rowErrors?.priority)}
                    {...form.register(`agenda.${index}.priority`)}
                  >
                    <option value="">{t('workshops.form.noPriority')}</option>
                    {THEMATIC_PRIORITIES.map((p) => (
                      <option key={p} value={p}>
                        {t(`priorities.${p}.name`)}
                      </option>
                    ))}
                  </SelectField>
                  <Controller
                    control={form.control}
                    name={`agenda.${index}.section`}
                    render={({ field, fieldState }) => (
                      <SectionSelect
                        id={`agenda-${index}-section`}
                        label={t('workshops.form.section')}
                        value={field.value ?? null}
                        onChange={field.onChange}
                        onBlur={field.onBlur}
                        linked={linked}
                        error={fieldError(fieldState.error)}
                      />
                    )}
                  />
                </div>
                <div className="button-row">
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={index === 0}
                    onClick={() => move(index, index - 1)}
                  >
                    {t('workshops.form.moveUp', { n })}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={index === fields.length - 1}
                    onClick={() => move(index, index + 1)}
                  >
                    {t('workshops.form.moveDown', { n })}
                  </button>
                  <button
                    type="button"
                    className="button button-quiet"
                    disabled={fields.length === 1}
                    onClick={() => {
                      remove(index);
                      // The button pressed is gone: put the keyboard somewhere that stays.
                      addButton.current?.focus();
                    }}
                  >
                    {t('workshops.form.removeItem', { n })}
                  </button>
                </div>
              </fieldset>
            </li>
          );
        })}
      </ol>
      <FieldError
        id="agenda-error"
        message={fieldError(errors?.root, { too_few: 'workshops.form.needsItem' })}
      />
      <p id="agenda-total" className="field-hint">
        {t('workshops.form.totalMinutes', { count: total })}
      </p>
      <button
        ref={addButton}
        type="button"
        className="button"
        disabled={fields.length >= WORKSHOP_LIMITS.agendaItems}
        onClick={() => append(newAgendaItem())}
      >
        {t('workshops.form.addItem')}
      </button>
    </fieldset>
  );
}
