import { useTranslation } from 'react-i18next';
import { usePendingInvitations } from '../../api/invitations';
import { useOrganisations, useWorkingGroups } from '../../api/workspace';
import { useFormat } from '../../i18n/format';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';

export function InvitationsList() {
  const { t } = useTranslation();
  const format = useFormat();
  const invitations = usePendingInvitations();
  const organisations = useOrganisations();
  const groups = useWorkingGroups();
  const organisationName = (id: string) =>
    organisations.data?.find((o) => o.id === id)?.name ?? t('common.unknown');
  const groupName = (id: string) =>
    groups.data?.find((g) => g.id === id)?.name ?? t('common.unknown');

  return (
    <section className="card admin-card admin-card-wide" aria-labelledby="invitations-title">
      <h2 id="invitations-title">{t('admin.invitations.title')}</h2>
      {invitations.isPending ? <Loading /> : null}
      <ErrorAlert error={invitations.error} context={t('admin.invitations.failed')} />
      {invitations.data && invitations.data.length === 0 ? (
        <p className="muted">{t('admin.invitations.empty')}</p>
      ) : null}
      {invitations.data && invitations.data.length > 0 ? (
        <div className="table-wrap">
          <table className="data-table">
            <caption className="visually-hidden">{t('admin.invitations.title')}</caption>
            <thead>
              <tr>
                <th scope="col">{t('auth.fields.email')}</th>
                <th scope="col">{t('fields.organisation')}</th>
                <th scope="col">{t('admin.invitations.grants')}</th>
                <th scope="col">{t('admin.invitations.expires')}</th>
              </tr>
            </thead>
            <tbody>
              {invitations.data.map((invitation) => (
                <tr key={invitation.id}>
                  <td>{invitation.email}</td>
                  <td>{organisationName(invitation.organisationId)}</td>
                  <td>
                    {[
                      invitation.isAdmin ? t('roles.admin') : null,
                      invitation.membership
                        ? t('admin.invitations.roleIn', {
                            role: t(`roles.${invitation.membership.role}`),
                            group: groupName(invitation.membership.workingGroupId),
                          })
                        : null,
                    ]
                      .filter(Boolean)
                      .join(' · ') || t('common.none')}
                  </td>
                  <td>
                    <time dateTime={invitation.expiresAt}>
                      {format.dateTime(invitation.expiresAt)}
                    </time>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
