import type { ThematicPriority } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Navigate, useParams, useSearchParams } from 'react-router';
import { useInbox, useInboxCounts } from '../../api/inbox';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { NotFoundPage } from '../workspace/NotFoundPage';
import {
  DEFAULT_VIEW,
  defaultInboxPriority,
  priorityFromParam,
  viewFromSearchParams,
  withView,
  type InboxView,
} from './inboxFilters';
import { InboxFilters } from './InboxFilters';
import { InboxPriorityNav } from './InboxPriorityNav';
import { InboxThreadRow } from './InboxThreadRow';
import { PriorityRooms } from './PriorityRooms';

/** `/inbox` and `/inbox/:priority`: comment threads across documents, one inbox per priority. */
export function InboxPage() {
  const { priority: param } = useParams();
  if (param === undefined) return <InboxRedirect />;
  const priority = priorityFromParam(param);
  if (!priority) return <NotFoundPage />;
  return (
    <>
      <PriorityRooms />
      <PriorityInbox priority={priority} />
    </>
  );
}

/** `/inbox` opens the priority that most needs reading (see `defaultInboxPriority`). */
function InboxRedirect() {
  const [params] = useSearchParams();
  const counts = useInboxCounts();
  // The header's badge has usually loaded the counts already; wait for a refresh under way so
  // the choice is current, and land on the first priority if they cannot be had.
  if (counts.isPending || counts.isFetching) return <Loading />;
  const target = defaultInboxPriority(counts.data);
  return <Navigate to={{ pathname: paths.inbox(target), search: params.toString() }} replace />;
}

function PriorityInbox({ priority }: { priority: ThematicPriority }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const view = viewFromSearchParams(params);
  const counts = useInboxCounts();
  const inbox = useInbox(priority, view.status, view.filter);
  const name = t(`priorities.${priority}.name`);
  usePageTitle(t('inbox.pageTitle', { priority: name }));

  // Filters replace the history entry, as the catalogue's do: Back leaves the inbox.
  const change = <K extends keyof InboxView>(key: K, value: InboxView[K]) =>
    setParams(withView(params, key, value), { replace: true });

  const items = inbox.data?.pages.flatMap((page) => page.items) ?? [];
  const filtered = view.filter !== DEFAULT_VIEW.filter;

  return (
    <div className="page">
      <div className="page-header">
        <div>
          <h1>{t('inbox.title')}</h1>
          <p className="muted">{t('inbox.intro')}</p>
        </div>
      </div>
      <ErrorAlert error={counts.error} context={t('inbox.countsFailed')} />
      <div className="inbox-layout">
        <InboxPriorityNav selected={priority} counts={counts.data} search={params.toString()} />
        <section
          className={`inbox-panel priority-${priority}`}
          aria-labelledby="inbox-priority-title"
          data-priority={priority}
        >
          <h2 id="inbox-priority-title">{name}</h2>
          <InboxFilters view={view} onChange={change} />
          <ErrorAlert error={inbox.error} context={t('inbox.loadFailed')} />
          {inbox.isPending ? <Loading /> : null}
          {inbox.data && items.length === 0 ? (
            <p className="empty-state">
              {filtered
                ? t('inbox.emptyFiltered')
                : view.status === 'open'
                  ? t('inbox.emptyOpen')
                  : t('inbox.emptyResolved')}
            </p>
          ) : null}
          {items.length > 0 ? (
            <ol className="inbox-list" aria-labelledby="inbox-priority-title">
              {items.map((item) => (
                <InboxThreadRow key={item.id} item={item} />
              ))}
            </ol>
          ) : null}
          {inbox.hasNextPage ? (
            <LoadMoreButton
              label={t('inbox.loadMore')}
              loading={inbox.isFetchingNextPage}
              onLoadMore={() => void inbox.fetchNextPage()}
            />
          ) : null}
        </section>
      </div>
    </div>
  );
}
