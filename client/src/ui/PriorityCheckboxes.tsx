import { THEMATIC_PRIORITIES, type ThematicPriority } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { CheckboxGroup } from './CheckboxGroup';

interface PriorityCheckboxesProps {
  value: readonly ThematicPriority[];
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
  return (
    <CheckboxGroup
      legend={legend}
      name="thematicPriorities"
      value={value}
      onChange={onChange}
      error={error}
      options={THEMATIC_PRIORITIES.map((priority) => ({
        value: priority,
        label: t(`priorities.${priority}.name`),
        hint: withDescriptions ? t(`priorities.${priority}.description`) : undefined,
      }))}
    />
  );
}
