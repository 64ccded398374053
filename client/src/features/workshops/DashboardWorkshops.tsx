import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useWorkshops } from '../../api/workshops';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { WorkshopList } from './WorkshopList';
import { groupWorkshops } from './workshopListView';

/** How many upcoming workshops the dashboard shows; the rest are a click away. */
const UPCOMING_SHOWN = 5;

/** The dashboard's workshops: what is live now and what comes next, across the reader's groups. */
export function DashboardWorkshops() {
  const { t } = useTranslation();
  const workshops = useWorkshops({ status: ['live', 'scheduled'] });
  const groups = groupWorkshops(workshops.data ?? []);

  return (
    <section aria-labelledby="dashboard-workshops-title" className="card dashboard-workshops">
      <div className="section-header">
        <h2 id="dashboard-workshops-title">{t('workshops.page.title')}</h2>
        <Link to={paths.workshops()}>{t('workshops.list.all')}</Link>
      </div>
      {workshops.isPending ? <Loading /> : null}
      <ErrorAlert error={workshops.error} context={t('workshops.list.loadFailed')} />
      {workshops.data ? (
        <>
          <h3>{t('workshops.list.liveNow')}</h3>
          <WorkshopList workshops={groups.live} empty={t('workshops.list.noneLive')} showGroup />
          <h3>{t('workshops.list.upcoming')}</h3>
          <WorkshopList
            workshops={groups.upcoming.slice(0, UPCOMING_SHOWN)}
            empty={t('workshops.list.noneUpcoming')}
            showGroup
          />
        </>
      ) : null}
    </section>
  );
}
