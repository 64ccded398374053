import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { usePageTitle } from '../../ui/usePageTitle';
import { InvitationsList } from './InvitationsList';
import { InviteForm } from './InviteForm';
import { MembershipForm } from './MembershipForm';
import { OrganisationForm } from './OrganisationForm';
import { WorkingGroupForm } from './WorkingGroupForm';

export function AdminPage() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  usePageTitle(t('admin.title'));

  // The server refuses every admin call from others; this only spares them a page of errors.
  if (!session.user.isAdmin) {
    return (
      <div className="page page-narrow">
        <h1>{t('admin.title')}</h1>
        <div className="alert alert-error" role="alert">
          <p>{t('admin.notAllowed')}</p>
        </div>
      </div>
    );
  }

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('admin.title')}</h1>
          <p className="muted">{t('admin.intro')}</p>
          <p>
            <Link to="/admin/audit">{t('audit.open')}</Link>
          </p>
        </div>
      </div>
      <div className="admin-grid">
        <InviteForm />
        <InvitationsList />
        <MembershipForm />
        <OrganisationForm />
        <WorkingGroupForm />
      </div>
    </div>
  );
}
