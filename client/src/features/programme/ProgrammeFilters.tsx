import { DacCriterionSchema } from '@polisee/contracts';
import { DOCUMENT_STATUSES } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { useWorkingGroups } from '../../api/workspace';
import { SelectField } from '../../ui/SelectField';
import type { ProgrammeFilter } from '@polisee/contracts';
import type { ProgrammeFilterParam } from './programmeView';

interface ProgrammeFiltersProps {
  filter: ProgrammeFilter;
  onChange: (key: ProgrammeFilterParam, value: string) => void;
}

/** Labelled selects whose `name` is the query parameter they set; an empty choice means "all". */
export function ProgrammeFilters({ filter, onChange }: ProgrammeFiltersProps) {
  const { t } = useTranslation();
  const groups = useWorkingGroups();
  const select = (
    name: ProgrammeFilterParam,
    label: string,
    all: string,
    options: [string, string][],
  ) => (
    <SelectField
      id={`programme-${name}`}
      label={label}
      name={name}
      value={filter[name] ?? ''}
      onChange={(e) => onChange(name, e.target.value)}
      error={undefined}
    >
      <option value="">{all}</option>
      {options.map(([value, text]) => (
        <option key={value} value={value}>
          {text}
        </option>
      ))}
    </SelectField>
  );
  return (
    <form
      className="filters"
      role="search"
      aria-label={t('programme.filters.label')}
      onSubmit={(e) => e.preventDefault()}
    >
      {select(
        'workingGroupId',
        t('fields.workingGroup'),
        t('catalogue.all'),
        (groups.data ?? []).map((g) => [g.id, g.name]),
      )}
      {select(
        'status',
        t('fields.status'),
        t('catalogue.all'),
        DOCUMENT_STATUSES.map((s) => [s, t(`statuses.${s}`)]),
      )}
      {select(
        'criterion',
        t('programme.filters.criterion'),
        t('programme.filters.allCriteria'),
        DacCriterionSchema.options.map((c) => [c, t(`blocks.dac.${c}`)]),
      )}
    </form>
  );
}
