import type { WorkshopView } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { calendarUrl } from '../../../api/workshops';
import { useFormat } from '../../../i18n/format';
import { paths } from '../../../routes/paths';
import type { JoinState } from '../../../realtime/useWorkshopSession';

interface WorkshopHeaderProps {
  workshop: WorkshopView;
  join: JoinState;
  connected: boolean;
}

/** Title, group, status and times (in the reader's time zone and language), and the .ics file. */
export function WorkshopHeader({ workshop, join, connected }: WorkshopHeaderProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const timeZone = Intl.DateTimeFormat().resolvedOptions().timeZone;
  const range = new Intl.DateTimeFormat(format.language, {
    dateStyle: 'full',
    timeStyle: 'short',
  }).formatRange(new Date(workshop.startsAt), new Date(workshop.endsAt));

  return (
    <div className="page-header workshop-header">
      <div>
        <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
          <Link to={paths.workingGroup(workshop.workingGroupId)}>{workshop.workingGroupName}</Link>
        </nav>
        <h1 id="workshop-title">{workshop.title}</h1>
        <p className="workshop-meta">
          <span
            className={`badge workshop-status workshop-status-${workshop.status}`}
            data-testid="workshop-status"
          >
            {t(`workshopLive.status.${workshop.status}`)}
          </span>{' '}
          <time dateTime={workshop.startsAt}>{range}</time>{' '}
          <span className="workshop-time-zone">
            {t('workshopLive.header.timeZone', { zone: timeZone })}
          </span>
        </p>
        {workshop.purpose ? <p className="workshop-purpose">{workshop.purpose}</p> : null}
      </div>
      <div className="button-row">
        <a className="button" href={calendarUrl(workshop.id)} download>
          {t('workshopLive.header.calendar')}
        </a>
        {workshop.status === 'live' ? (
          <span className="workshop-connection" role="status" data-testid="workshop-connection">
            {!connected
              ? t('workshopLive.header.offline')
              : join.status === 'joined'
                ? t('workshopLive.header.joined')
                : join.status === 'joining'
                  ? t('workshopLive.header.joining')
                  : null}
          </span>
        ) : null}
      </div>
    </div>
  );
}
