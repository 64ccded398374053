import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet, useLocation } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useInboxCounts } from '../../api/inbox';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { useUiStore } from '../../stores/ui';
import { Announcer } from '../../ui/Announcer';
import { totalUnread } from '../inbox/inboxFilters';
import { NotificationBell } from '../notifications/NotificationBell';
import { SearchBox } from '../search/SearchBox';
import { HeaderLanguageSwitcher } from './HeaderLanguageSwitcher';
import { UserMenu } from './UserMenu';

export function AppLayout() {
  const { t } = useTranslation();
  const format = useFormat();
  const session = useSessionInfo();
  const { pathname } = useLocation();
  const navOpen = useUiStore((s) => s.navOpen);
  const toggleNav = useUiStore((s) => s.toggleNav);
  const setNavOpen = useUiStore((s) => s.setNavOpen);
  const mainRef = useRef<HTMLElement>(null);
  const firstRender = useRef(true);
  const inboxUnread = totalUnread(useInboxCounts().data);

  // After a client-side navigation, move focus to the new page as a full page load would,
  // so keyboard and screen-reader users start at its content rather than at the old link.
  useEffect(() => {
    setNavOpen(false);
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    mainRef.current?.focus();
  }, [pathname, setNavOpen]);

  const links: { to: string; label: string; end: boolean; unread?: number }[] = [
    { to: paths.dashboard(), label: t('nav.dashboard'), end: true },
    { to: paths.documents(), label: t('nav.documents'), end: false },
    { to: paths.inbox(), label: t('nav.inbox'), end: false, unread: inboxUnread },
    { to: paths.workingGroups(), label: t('nav.workingGroups'), end: false },
    { to: paths.workshops(), label: t('workshops.nav'), end: false },
    { to: paths.programme(), label: t('programme.nav'), end: false },
    { to: paths.knowledge(), label: t('knowledge.nav'), end: false },
    ...(session.user.isAdmin ? [{ to: paths.admin(), label: t('nav.admin'), end: false }] : []),
  ];

  return (
    <div className="app-shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="app-header">
        <div className="header-inner">
          <Link to={paths.dashboard()} className="brand">
            {t('app.name')}
          </Link>
          <button
            type="button"
            className="nav-toggle button button-quiet"
            aria-expanded={navOpen}
            aria-controls="primary-nav"
            onClick={toggleNav}
          >
            {t('nav.menu')}
          </button>
          <nav
            id="primary-nav"
            className={navOpen ? 'primary-nav open' : 'primary-nav'}
            aria-label={t('nav.label')}
          >
            <ul>
              {links.map((link) => (
                <li key={link.to}>
                  <NavLink to={link.to} end={link.end}>
                    {link.label}
                    {link.unread ? (
                      <span className="count-badge nav-badge" data-testid="nav-inbox-unread">
                        <span aria-hidden="true">{format.number(link.unread)}</span>
                        <span className="visually-hidden">
                          {t('inbox.unreadCount', { count: link.unread })}
                        </span>
                      </span>
                    ) : null}
                  </NavLink>
                </li>
              ))}
            </ul>
          </nav>
          <div className="header-tools">
            <SearchBox />
            <HeaderLanguageSwitcher />
            <NotificationBell />
            <UserMenu />
          </div>
        </div>
      </header>
      <main id="main" ref={mainRef} tabIndex={-1} className="app-main">
        <Outlet />
      </main>
      <Announcer />
    </div>
  );
}
