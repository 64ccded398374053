import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useWorkingGroups } from '../../api/workspace';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { PriorityTags } from '../../ui/PriorityTags';
import { usePageTitle } from '../../ui/usePageTitle';

export function WorkingGroupsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSessionInfo();
  const groups = useWorkingGroups();
  usePageTitle(t('workingGroups.title'));

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('workingGroups.title')}</h1>
          <p className="muted">
            {t(session.user.isAdmin ? 'workingGroups.introAdmin' : 'workingGroups.intro')}
          </p>
        </div>
      </div>
      {groups.isPending ? <Loading /> : null}
      <ErrorAlert error={groups.error} context={t('workingGroups.loadFailed')} />
      {groups.data && groups.data.length === 0 ? <p>{t('workingGroups.empty')}</p> : null}
      {groups.data && groups.data.length > 0 ? (
        <ul className="card-list">
          {groups.data.map((group) => (
            <li key={group.id} className="card group-card" data-working-group-id={group.id}>
              <h2>
                <Link to={paths.workingGroup(group.id)}>{group.name}</Link>
              </h2>
              {group.description ? <p>{group.description}</p> : null}
              <dl className="meta-list">
                <dt>{t('fields.priorities')}</dt>
                <dd>
                  <PriorityTags priorities={group.thematicPriorities} />
                </dd>
                <dt>{t('workingGroups.myRole')}</dt>
                <dd>
                  {group.myRole
                    ? t(`roles.${group.myRole}`)
                    : session.user.isAdmin
                      ? t('roles.admin')
                      : t('workingGroups.noRole')}
                </dd>
                <dt>{t('workingGroups.members')}</dt>
                <dd>{format.number(group.memberCount)}</dd>
              </dl>
            </li>
          ))}
        </ul>
      ) : null}
    </div>
  );
}
