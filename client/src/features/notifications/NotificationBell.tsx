import { useTranslation } from 'react-i18next';
import { NavLink } from 'react-router';
import { useUnreadNotificationCount } from '../../api/notifications';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { badgeText } from './notificationView';

/**
 * The header's way to the notification centre, with the unread count pushed live. A link, not
 * a button: it goes to a page. The count is in the name, so the badge itself is not read out.
 */
export function NotificationBell() {
  const { t } = useTranslation();
  const format = useFormat();
  const unread = useUnreadNotificationCount();
  const count = unread.data ?? 0;
  const label = count > 0 ? t('notifications.bellLabel', { count }) : t('nav.notifications');

  return (
    <NavLink
      to={paths.notifications()}
      className="button button-quiet notification-bell"
      aria-label={label}
      title={label}
      data-testid="notification-bell"
    >
      <BellIcon />
      <span
        className="notification-badge"
        data-testid="notification-count"
        aria-hidden="true"
        hidden={count === 0}
      >
        {badgeText(count, format.number)}
      </span>
    </NavLink>
  );
}

function BellIcon() {
  return (
    <svg
      width="20"
      height="20"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      <path d="M6 8a6 6 0 0 1 12 0c0 7 3 9 3 9H3s3-2 3-9" />
      <path d="M10.3 21a1.94 1.94 0 0 0 3.4 0" />
    </svg>
  );
}
