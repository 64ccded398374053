import { THEMATIC_PRIORITIES, type ThematicPriority } from '@polisee/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { FieldError } from './FieldError';

interface PriorityCheckboxesProps {
  value: ThematicPriority[];
  onChange: (value: ThematicPriority[]) => void;
  legend: string;
  error?: string | undefined;
  /** Show each priority's one-line description under its name. */
  withDescriptions?: boolean;
}

/** The six priorities as checkboxes (`name="thematicPriorities"`, value = the priority id). */
export function PriorityCheckboxes({
  value,
  onChange,
  legend,
  error,
  withDescriptions,
}: PriorityCheckboxesProps) {
  const { t } = useTranslation();
  const errorId = useId();

  function toggle(priority: ThematicPriority, checked: boolean) {
    const next = checked ? [...value, priority] : value.filter((p) => p !== priority);
    // Keep the programme's order whatever the click order was.
    onChange(THEMATIC_PRIORITIES.filter((p) => next.includes(p)));
  }

  return (
    <fieldset
      className="checkbox-group"
      aria-invalid={error ? true : undefined}
      aria-describedby={error ? errorId : undefined}
    >
      <legend>{legend}</legend>
      {THEMATIC_PRIORITIES.map((priority) => (
        <label key={priority} className="checkbox">
          <input
            type="checkbox"
            name="thematicPriorities"
            value={priority}
            checked={value.includes(priority)}
            onChange={(e) => toggle(priority, e.target.checked)}
          />
          <span>
            {t(`priorities.${priority}.name`)}
            {withDescriptions ? (
              <span className="checkbox-hint">{t(`priorities.${priority}.description`)}</span>
            ) : null}
          </span>
        </label>
      ))}
      <FieldError id={errorId} message={error} />
    </fieldset>
  );
}
