import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useWorkshops } from '../../api/workshops';
import { canPlanWorkshopIn } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { WorkshopList } from './WorkshopList';
import { groupWorkshops } from './workshopListView';

/** A working group's workshops on its page, with "Plan a workshop" for those who may. */
export function GroupWorkshops({ workingGroupId }: { workingGroupId: string }) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const workshops = useWorkshops({ workingGroupId });
  const groups = groupWorkshops(workshops.data ?? []);

  return (
    <section aria-labelledby="group-workshops-title">
      <div className="section-header">
        <h2 id="group-workshops-title">{t('workshops.page.title')}</h2>
        {canPlanWorkshopIn(session, workingGroupId) ? (
          <Link
            to={paths.newWorkshop({ workingGroupId })}
            className="button"
            data-testid="plan-workshop"
          >
            {t('workshops.list.plan')}
          </Link>
        ) : null}
      </div>
      {workshops.isPending ? <Loading /> : null}
      <ErrorAlert error={workshops.error} context={t('workshops.list.loadFailed')} />
      {workshops.data ? (
        <WorkshopList
          workshops={[...groups.live, ...groups.upcoming, ...groups.ended]}
          empty={t('workshops.list.noneInGroup')}
        />
      ) : null}
    </section>
  );
}
