import { THEMATIC_PRIORITIES } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useDocuments } from '../../api/documents';
import { canCreateDocumentIn } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { DashboardWorkshops } from '../workshops/DashboardWorkshops';
import { ActivityPanel } from './ActivityPanel';
import { groupByPriority } from './groupByPriority';
import { PriorityCard } from './PriorityCard';

export function DashboardPage() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const documents = useDocuments({});
  usePageTitle(t('dashboard.title'));

  const mayCreate =
    session.user.isAdmin ||
    session.memberships.some((m) => canCreateDocumentIn(session, m.workingGroupId));
  const groups = groupByPriority(documents.data ?? []);

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('dashboard.title')}</h1>
          <p className="muted">{t('dashboard.welcome', { name: session.user.name })}</p>
        </div>
        {mayCreate ? (
          <Link
            to={paths.newDocument()}
            className="button button-primary"
            data-testid="new-document"
          >
            {t('documents.new')}
          </Link>
        ) : null}
      </div>
      <DashboardWorkshops />
      <div className="dashboard-grid">
        <section aria-labelledby="priorities-title" className="dashboard-priorities">
          <h2 id="priorities-title" className="visually-hidden">
            {t('dashboard.byPriority')}
          </h2>
          {documents.isPending ? <Loading /> : null}
          <ErrorAlert error={documents.error} context={t('documents.loadFailed')} />
          <div className="priority-grid">
            {THEMATIC_PRIORITIES.map((priority) => (
              <PriorityCard
                key={priority}
                priority={priority}
                documents={groups[priority]}
                loading={documents.isPending}
              />
            ))}
          </div>
        </section>
        <ActivityPanel />
      </div>
    </div>
  );
}
