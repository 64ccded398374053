import type { DocumentFilter } from '@polisee/contracts';
import { DOCUMENT_KINDS, DOCUMENT_STATUSES, THEMATIC_PRIORITIES } from '@polisee/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useOrganisations, useWorkingGroups } from '../../api/workspace';
import { useFormat } from '../../i18n/format';
import { PROGRAMME_COUNTRIES, sortCountries } from '../../ui/countries';
import { SelectField } from '../../ui/SelectField';
import type { FilterParam } from './catalogueFilters';

interface CatalogueFiltersProps {
  filter: DocumentFilter;
  groupByPriority: boolean;
  onFilterChange: (key: FilterParam, value: string) => void;
  onIncludeArchivedChange: (include: boolean) => void;
  onGroupByPriorityChange: (group: boolean) => void;
  onClear: () => void;
}

/** Labelled selects whose `name` is the query parameter they set; an empty choice means "all". */
export function CatalogueFilters(props: CatalogueFiltersProps) {
  const { filter } = props;
  const { t } = useTranslation();
  const format = useFormat();
  const groups = useWorkingGroups();
  const organisations = useOrganisations();

  const countries = sortCountries(
    [
      ...PROGRAMME_COUNTRIES,
      ...(organisations.data ?? []).map((o) => o.country),
      ...(filter.country ? [filter.country] : []),
    ],
    format.country,
  );

  return (
    <form
      className="filters"
      role="search"
      aria-label={t('catalogue.filtersLabel')}
      onSubmit={(e) => e.preventDefault()}
    >
      <FilterSelect
        name="workingGroupId"
        label={t('fields.workingGroup')}
        value={filter.workingGroupId ?? ''}
        onChange={props.onFilterChange}
      >
        {(groups.data ?? []).map((group) => (
          <option key={group.id} value={group.id}>
            {group.name}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        name="priority"
        label={t('fields.priority')}
        value={filter.priority ?? ''}
        onChange={props.onFilterChange}
      >
        {THEMATIC_PRIORITIES.map((p) => (
          <option key={p} value={p}>
            {t(`priorities.${p}.name`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        name="kind"
        label={t('fields.kind')}
        value={filter.kind ?? ''}
        onChange={props.onFilterChange}
      >
        {DOCUMENT_KINDS.map((kind) => (
          <option key={kind} value={kind}>
            {t(`kinds.${kind}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        name="status"
        label={t('fields.status')}
        value={filter.status ?? ''}
        onChange={props.onFilterChange}
      >
        {DOCUMENT_STATUSES.map((status) => (
          <option key={status} value={status}>
            {t(`statuses.${status}`)}
          </option>
        ))}
      </FilterSelect>
      <FilterSelect
        name="country"
        label={t('fields.country')}
        value={filter.country ?? ''}
        onChange={props.onFilterChange}
      >
        {countries.map((code) => (
          <option key={code} value={code}>
            {format.country(code)}
          </option>
        ))}
      </FilterSelect>
      <div className="filter-toggles">
        <label className="checkbox">
          <input
            type="checkbox"
            name="includeArchived"
            value="true"
            checked={filter.includeArchived === true}
            onChange={(e) => props.onIncludeArchivedChange(e.target.checked)}
          />
          <span>{t('catalogue.showArchived')}</span>
        </label>
        <label className="checkbox">
          <input
            type="checkbox"
            name="groupBy"
            value="priority"
            checked={props.groupByPriority}
            onChange={(e) => props.onGroupByPriorityChange(e.target.checked)}
          />
          <span>{t('catalogue.groupByPriority')}</span>
        </label>
        <button type="button" className="button button-quiet" onClick={props.onClear}>
          {t('catalogue.clearFilters')}
        </button>
      </div>
    </form>
  );
}

interface FilterSelectProps {
  name: FilterParam;
  label: string;
  value: string;
  onChange: (key: FilterParam, value: string) => void;
  children: ReactNode;
}

function FilterSelect({ name, label, value, onChange, children }: FilterSelectProps) {
  const { t } = useTranslation();
  const id = `filter-${name}`;
  return (
    <SelectField
      id={id}
      label={label}
      name={name}
      value={value}
      onChange={(e) => onChange(name, e.target.value)}
      error={undefined}
    >
      <option value="">{t('catalogue.all')}</option>
      {children}
    </SelectField>
  );
}
