import type { Notification } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { calendarUrl } from '../../api/workshops';
import { useFormat } from '../../i18n/format';
import { interpolateNodes, markersFor } from '../../ui/interpolateNodes';
import { isUnread, notificationSentenceKey, notificationTarget } from './notificationView';

const PLACEHOLDERS = markersFor(['actor', 'title'] as const);

interface NotificationItemProps {
  notification: Notification;
  /** Called as the link is followed, for an unread notification only. */
  onOpen: (notification: Notification) => void;
}

/** One notification: its sentence is the link to the thread (stretched over the item by CSS). */
export function NotificationItem({ notification, onOpen }: NotificationItemProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = isUnread(notification);
  const sentence = interpolateNodes(t(notificationSentenceKey(notification.type), PLACEHOLDERS), {
    actor: <strong>{notification.actorName}</strong>,
    title: <em className="notification-title">{notification.documentTitle}</em>,
  });

  return (
    <li
      className={unread ? 'notification-item unread' : 'notification-item'}
      data-notification-id={notification.id}
      data-read={String(!unread)}
      data-type={notification.type}
    >
      <span className="unread-dot" aria-hidden="true" />
      <div className="notification-body">
        <p className="notification-sentence">
          <Link
            to={notificationTarget(notification)}
            className="notification-link"
            onClick={() => {
              if (unread) onOpen(notification);
            }}
          >
            {unread ? <span className="visually-hidden">{t('notifications.unread')} </span> : null}
            {sentence}
          </Link>
        </p>
        {notification.excerpt ? (
          <p className="notification-excerpt">{notification.excerpt}</p>
        ) : null}
        {notification.type === 'workshop_invited' && notification.workshopId ? (
          // The invitation offers the workshop's calendar file (above the stretched link).
          <a href={calendarUrl(notification.workshopId)} download className="notification-extra">
            {t('workshops.list.calendar')}
          </a>
        ) : null}
        <p className="notification-meta">
          {notification.priority ? (
            <span className={`tag priority-${notification.priority}`}>
              {t(`priorities.${notification.priority}.name`)}
            </span>
          ) : null}
          <time dateTime={notification.createdAt}>{format.dateTime(notification.createdAt)}</time>
        </p>
      </div>
    </li>
  );
}
