import type { Notification } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router';
import {
  useMarkNotificationsRead,
  useNotifications,
  useUnreadNotificationCount,
} from '../../api/notifications';
import { useUiStore } from '../../stores/ui';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { LoadMoreButton } from '../../ui/LoadMoreButton';
import { Loading } from '../../ui/Loading';
import { useAddressBoundValue } from '../../ui/useAddressBoundValue';
import { usePageTitle } from '../../ui/usePageTitle';
import { NotificationItem } from './NotificationItem';

const UNREAD_PARAM = 'unread';

/** The notification centre: mentions, replies and status changes, newest first. */
export function NotificationsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const unreadOnly = params.get(UNREAD_PARAM) === 'true';
  const [unreadOnlyShown, setUnreadOnlyShown] = useAddressBoundValue(unreadOnly);
  const list = useNotifications(unreadOnly);
  const unreadCount = useUnreadNotificationCount();
  const markRead = useMarkNotificationsRead();
  const announce = useUiStore((s) => s.announce);
  usePageTitle(t('notifications.title'));

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  const unread = unreadCount.data ?? 0;

  function setUnreadOnly(only: boolean) {
    setUnreadOnlyShown(only);
    const next = new URLSearchParams(params);
    if (only) next.set(UNREAD_PARAM, 'true');
    else next.delete(UNREAD_PARAM);
    setParams(next, { replace: true });
  }

  function markAllRead() {
    markRead.mutate({ all: true }, { onSuccess: () => announce(t('notifications.allMarkedRead')) });
  }

  // The hook's own success handler updates the badge and the lists even after this page is
  // left, which it is at once: the link goes on to the thread.
  const open = (notification: Notification) => markRead.mutate({ ids: [notification.id] });

  return (
    <div className="page page-narrow">
      <div className="page-header">
        <div>
          <h1>{t('notifications.title')}</h1>
          <p className="muted">{t('notifications.intro')}</p>
        </div>
      </div>
      <div className="notifications-toolbar">
        <label className="checkbox">
          <input
            type="checkbox"
            name={UNREAD_PARAM}
            value="true"
            checked={unreadOnlyShown}
            onChange={(e) => setUnreadOnly(e.target.checked)}
          />
          <span>{t('notifications.unreadOnly')}</span>
        </label>
        <p className="notifications-summary muted small" role="status">
          {unreadCount.data !== undefined
            ? t('notifications.unreadSummary', { count: unread })
            : null}
        </p>
        <button
          type="button"
          className="button"
          data-testid="mark-all-read"
          aria-disabled={unread === 0 || markRead.isPending}
          onClick={() => {
            if (unread > 0 && !markRead.isPending) markAllRead();
          }}
        >
          {t('notifications.markAllRead')}
        </button>
      </div>
      <ErrorAlert error={markRead.error} context={t('notifications.markFailed')} />
      <ErrorAlert error={list.error} context={t('notifications.loadFailed')} />
      {list.isPending ? <Loading /> : null}
      {list.data && items.length === 0 ? (
        <p className="empty-state">
          {unreadOnly ? t('notifications.emptyUnread') : t('notifications.empty')}
        </p>
      ) : null}
      {items.length > 0 ? (
        <ol className="notification-list" aria-label={t('notifications.title')}>
          {items.map((notification) => (
            <NotificationItem key={notification.id} notification={notification} onOpen={open} />
          ))}
        </ol>
      ) : null}
      {list.hasNextPage ? (
        <LoadMoreButton
          label={t('notifications.loadMore')}
          loading={list.isFetchingNextPage}
          onLoadMore={() => void list.fetchNextPage()}
        />
      ) : null}
    </div>
  );
}
