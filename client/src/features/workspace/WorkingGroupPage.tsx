import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useOrganisations, useWorkingGroupMembers, useWorkingGroups } from '../../api/workspace';
import { canCreateDocumentIn, canReportContributions } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PriorityTags } from '../../ui/PriorityTags';
import { usePageTitle } from '../../ui/usePageTitle';
import { GroupWorkshops } from '../workshops/GroupWorkshops';
import { NotFoundPage } from './NotFoundPage';

export function WorkingGroupPage() {
  const { t } = useTranslation();
  const { id = '' } = useParams();
  const session = useSessionInfo();
  const groups = useWorkingGroups();
  const members = useWorkingGroupMembers(id);
  const organisations = useOrganisations();
  const group = groups.data?.find((g) => g.id === id);
  usePageTitle(group?.name ?? t('workingGroups.title'));

  if (groups.isPending) return <Loading />;
  if (groups.isError)
    return <ErrorAlert error={groups.error} context={t('workingGroups.loadFailed')} />;
  // The list holds every group this user may see: one missing from it is not theirs to see.
  if (!group) return <NotFoundPage />;

  const organisationName = (organisationId: string) =>
    organisations.data?.find((o) => o.id === organisationId)?.name ?? '';

  return (
    <div className="page">
      <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
        <Link to={paths.workingGroups()}>{t('workingGroups.title')}</Link>
      </nav>
      <div className="page-header">
        <div>
          <h1>{group.name}</h1>
          {group.description ? <p className="lead">{group.description}</p> : null}
          <PriorityTags priorities={group.thematicPriorities} />
        </div>
        <div className="button-row">
          <Link to={paths.documents({ workingGroupId: group.id })} className="button">
            {t('workingGroups.documentsLink')}
          </Link>
          {canReportContributions(session, group.id) ? (
            <Link
              to={paths.programmeContributions({ workingGroupId: group.id })}
              className="button"
            >
              {t('attribution.report.link')}
            </Link>
          ) : null}
          {canCreateDocumentIn(session, group.id) ? (
            <Link
              to={paths.newDocument({ workingGroupId: group.id })}
              className="button button-primary"
            >
              {t('documents.new')}
            </Link>
          ) : null}
        </div>
      </div>
      <GroupWorkshops workingGroupId={group.id} />
      <section aria-labelledby="members-title">
        <h2 id="members-title">{t('workingGroups.members')}</h2>
        {members.isPending ? <Loading /> : null}
        <ErrorAlert error={members.error} context={t('workingGroups.membersFailed')} />
        {members.data ? (
          <div className="table-wrap">
            <table className="data-table">
              <caption className="visually-hidden">
                {t('workingGroups.membersCaption', { group: group.name })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('fields.name')}</th>
                  <th scope="col">{t('fields.organisation')}</th>
                  <th scope="col">{t('fields.role')}</th>
                </tr>
              </thead>
              <tbody>
                {members.data.map((member) => (
                  <tr key={member.user.id}>
                    <td>{member.user.name}</td>
                    <td>{organisationName(member.user.organisationId)}</td>
                    <td>{t(`roles.${member.role}`)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </section>
    </div>
  );
}
