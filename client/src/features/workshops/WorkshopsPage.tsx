import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useWorkshops } from '../../api/workshops';
import { canPlanWorkshopIn } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { WorkshopList } from './WorkshopList';
import { groupWorkshops } from './workshopListView';

/** `/workshops`: every workshop the reader takes part in, live, upcoming and past. */
export function WorkshopsPage() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const workshops = useWorkshops();
  usePageTitle(t('workshops.page.title'));

  const mayPlan =
    session.user.isAdmin ||
    session.memberships.some((m) => canPlanWorkshopIn(session, m.workingGroupId));
  const groups = groupWorkshops(workshops.data ?? []);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('workshops.page.title')}</h1>
          <p className="muted">{t('workshops.page.intro')}</p>
        </div>
        {mayPlan ? (
          <Link
            to={paths.newWorkshop()}
            className="button button-primary"
            data-testid="new-workshop"
          >
            {t('workshops.list.plan')}
          </Link>
        ) : null}
      </div>
      {workshops.isPending ? <Loading /> : null}
      <ErrorAlert error={workshops.error} context={t('workshops.list.loadFailed')} />
      {workshops.data ? (
        <>
          <section aria-labelledby="workshops-live" className="workshop-section">
            <h2 id="workshops-live">{t('workshops.list.liveNow')}</h2>
            <WorkshopList workshops={groups.live} empty={t('workshops.list.noneLive')} showGroup />
          </section>
          <section aria-labelledby="workshops-upcoming" className="workshop-section">
            <h2 id="workshops-upcoming">{t('workshops.list.upcoming')}</h2>
            <WorkshopList
              workshops={groups.upcoming}
              empty={t('workshops.list.noneUpcoming')}
              showGroup
            />
          </section>
          <section aria-labelledby="workshops-ended" className="workshop-section">
            <h2 id="workshops-ended">{t('workshops.list.ended')}</h2>
            <WorkshopList
              workshops={groups.ended}
              empty={t('workshops.list.noneEnded')}
              showGroup
            />
          </section>
        </>
      ) : null}
    </div>
  );
}
