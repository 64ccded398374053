import { THEMATIC_PRIORITIES } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useDocuments } from '../../api/documents';
import { useWorkingGroups } from '../../api/workspace';
import { useFormat } from '../../i18n/format';
import { canCreateDocumentIn } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import {
  FILTER_PARAMS,
  filterFromSearchParams,
  GROUP_BY_PARAM,
  hasActiveFilters,
  INCLUDE_ARCHIVED_PARAM,
  withParam,
} from './catalogueFilters';
import { CatalogueFilters } from './CatalogueFilters';
import { DocumentTable } from './DocumentTable';

export function DocumentsPage() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSessionInfo();
  const [params, setParams] = useSearchParams();
  const filter = filterFromSearchParams(params);
  const groupByPriority = params.get(GROUP_BY_PARAM) === 'priority';
  const documents = useDocuments(filter);
  const workingGroups = useWorkingGroups();
  usePageTitle(t('catalogue.title'));

  // Filters replace the history entry: Back leaves the catalogue rather than undoing each click.
  const update = (key: string, value: string | null) =>
    setParams(withParam(params, key, value), { replace: true });
  const clear = () => {
    const next = new URLSearchParams(params);
    for (const key of [...FILTER_PARAMS, INCLUDE_ARCHIVED_PARAM]) next.delete(key);
    setParams(next, { replace: true });
  };

  const mayCreate =
    session.user.isAdmin ||
    session.memberships.some((m) => canCreateDocumentIn(session, m.workingGroupId));
  const items = [...(documents.data ?? [])].sort((a, b) => b.updatedAt.localeCompare(a.updatedAt));
  const groups = workingGroups.data ?? [];

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('catalogue.title')}</h1>
          <p className="muted">{t('catalogue.intro')}</p>
        </div>
        {mayCreate ? (
          <Link
            to={paths.newDocument(filter.priority ? { priority: filter.priority } : undefined)}
            className="button button-primary"
            data-testid="new-document"
          >
            {t('documents.new')}
          </Link>
        ) : null}
      </div>
      <CatalogueFilters
        filter={filter}
        groupByPriority={groupByPriority}
        onFilterChange={(key, value) => update(key, value)}
        onIncludeArchivedChange={(include) =>
          update(INCLUDE_ARCHIVED_PARAM, include ? 'true' : null)
        }
        onGroupByPriorityChange={(group) => update(GROUP_BY_PARAM, group ? 'priority' : null)}
        onClear={clear}
      />
      <ErrorAlert error={documents.error} context={t('documents.loadFailed')} />
      {documents.isPending ? <Loading /> : null}
      {documents.data ? (
        <p className="result-count" role="status">
          {t('catalogue.resultCount', { n: format.number(items.length) })}
        </p>
      ) : null}
      {documents.data && items.length === 0 ? (
        <p className="empty-state">
          {hasActiveFilters(filter) ? t('catalogue.noMatches') : t('catalogue.empty')}
        </p>
      ) : null}
      {items.length > 0 && !groupByPriority ? (
        <DocumentTable
          documents={items}
          workingGroups={groups}
          caption={t('catalogue.tableCaption')}
        />
      ) : null}
      {items.length > 0 && groupByPriority
        ? THEMATIC_PRIORITIES.map((priority) => {
            const inPriority = items.filter((d) => d.thematicPriorities.includes(priority));
            if (inPriority.length === 0) return null;
            const name = t(`priorities.${priority}.name`);
            return (
              <section
                key={priority}
                className="catalogue-group"
                data-priority={priority}
                aria-labelledby={`group-${priority}`}
              >
                <h2 id={`group-${priority}`}>
                  {name} <span className="count">({format.number(inPriority.length)})</span>
                </h2>
                <DocumentTable
                  documents={inPriority}
                  workingGroups={groups}
                  caption={t('catalogue.groupCaption', { priority: name })}
                />
              </section>
            );
          })
        : null}
    </div>
  );
}
