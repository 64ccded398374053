import { INBOX_FILTERS, type InboxFilter } from '@polisee/contracts';
import { THREAD_STATUSES, type ThreadStatus } from '@polisee/domain';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useAddressBoundValue } from '../../ui/useAddressBoundValue';
import { FILTER_PARAM, STATUS_PARAM, type InboxView } from './inboxFilters';

/* Literal keys, one per value: the catalog tests see them, and a new value fails to compile. */
const STATUS_LABELS: Record<ThreadStatus, string> = {
  open: 'inbox.status.open',
  resolved: 'inbox.status.resolved',
};
const FILTER_LABELS: Record<InboxFilter, string> = {
  all: 'inbox.filter.all',
  mine: 'inbox.filter.mine',
  mentions: 'inbox.filter.mentions',
};

interface InboxFiltersProps {
  view: InboxView;
  onChange: <K extends keyof InboxView>(key: K, value: InboxView[K]) => void;
}

/** Two radio groups whose `name` is the query parameter they set. */
export function InboxFilters({ view, onChange }: InboxFiltersProps) {
  const { t } = useTranslation();
  return (
    <form
      className="inbox-filters"
      role="search"
      aria-label={t('inbox.filtersLabel')}
      onSubmit={(e) => e.preventDefault()}
    >
      <Segmented
        name={STATUS_PARAM}
        legend={t('inbox.status.label')}
        options={THREAD_STATUSES.map((value) => ({ value, label: t(STATUS_LABELS[value]) }))}
        value={view.status}
        onChange={(value) => onChange('status', value)}
      />
      <Segmented
        name={FILTER_PARAM}
        legend={t('inbox.filter.label')}
        options={INBOX_FILTERS.map((value) => ({ value, label: t(FILTER_LABELS[value]) }))}
        value={view.filter}
        onChange={(value) => onChange('filter', value)}
      />
    </form>
  );
}

interface SegmentedProps<V extends string> {
  name: string;
  legend: string;
  options: { value: V; label: string }[];
  value: V;
  onChange: (value: V) => void;
}

/** Native radios (arrow keys move between them) drawn as one row of buttons. */
function Segmented<V extends string>({
  name,
  legend,
  options,
  value,
  onChange,
}: SegmentedProps<V>) {
  const id = useId();
  const [shown, setShown] = useAddressBoundValue(value);
  return (
    <fieldset className="segmented">
      <legend>{legend}</legend>
      <div className="segmented-options">
        {options.map((option) => (
          <label key={option.value} className="segmented-option" htmlFor={`${id}-${option.value}`}>
            <input
              id={`${id}-${option.value}`}
              type="radio"
              name={name}
              value={option.value}
              checked={option.value === shown}
              onChange={() => {
                setShown(option.value);
                onChange(option.value);
              }}
            />
            <span>{option.label}</span>
          </label>
        ))}
      </div>
    </fieldset>
  );
}
