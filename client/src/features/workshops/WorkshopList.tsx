import type { WorkshopView } from '@polisee/contracts';
import type { WorkshopStatus } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { calendarUrl } from '../../api/workshops';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';

export function WorkshopStatusBadge({ status }: { status: WorkshopStatus }) {
  const { t } = useTranslation();
  return (
    <span className={`badge workshop-status-${status}`}>{t(`workshops.status.${status}`)}</span>
  );
}

interface WorkshopListProps {
  workshops: readonly WorkshopView[];
  /** Said when the list is empty. */
  empty: string;
  /** Name each workshop's group (lists across groups); a group's own page leaves it out. */
  showGroup?: boolean;
}

/**
 * Workshops as rows: the title links to the workshop, the time is the reader's own (zone and
 * locale), and each row offers its `.ics` file for the reader's calendar.
 */
export function WorkshopList({ workshops, empty, showGroup = false }: WorkshopListProps) {
  const { t } = useTranslation();
  const format = useFormat();
  if (workshops.length === 0) return <p className="muted">{empty}</p>;
  return (
    <ul className="workshop-list" data-testid="workshop-list">
      {workshops.map((workshop) => (
        <li
          key={workshop.id}
          className="workshop-row"
          data-testid="workshop-row"
          data-workshop-id={workshop.id}
          data-status={workshop.status}
        >
          <div className="workshop-row-main">
            <Link to={paths.workshop(workshop.id)} className="workshop-row-title">
              {workshop.title}
            </Link>
            <WorkshopStatusBadge status={workshop.status} />
          </div>
          <p className="workshop-row-meta">
            <time dateTime={workshop.startsAt}>
              {format.dateTimeRange(workshop.startsAt, workshop.endsAt)}
            </time>
            {showGroup ? (
              <span className="workshop-row-group">
                <span className="visually-hidden">{t('fields.workingGroup')}: </span>
                {workshop.workingGroupName}
              </span>
            ) : null}
            <span>{t('workshops.list.agendaItems', { count: workshop.agenda.length })}</span>
          </p>
          {workshop.status === 'ended' ? null : (
            <a href={calendarUrl(workshop.id)} download className="workshop-row-calendar">
              {t('workshops.list.calendar')}
              <span className="visually-hidden">
                {' '}
                {t('workshops.list.calendarFor', { title: workshop.title })}
              </span>
            </a>
          )}
        </li>
      ))}
    </ul>
  );
}
