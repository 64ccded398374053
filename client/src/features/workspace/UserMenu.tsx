import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import { useLogout, useSessionInfo } from '../../api/auth';
import { paths } from '../../routes/paths';
import { useUiStore } from '../../stores/ui';

/** A disclosure button with the user's name that opens Settings and Log out. */
export function UserMenu() {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const { pathname } = useLocation();
  const logout = useLogout();
  const open = useUiStore((s) => s.userMenuOpen);
  const setOpen = useUiStore((s) => s.setUserMenuOpen);
  const rootRef = useRef<HTMLDivElement>(null);
  const buttonRef = useRef<HTMLButtonElement>(null);

  useEffect(() => setOpen(false), [pathname, setOpen]);

  useEffect(() => {
    if (!open) return;
    function onKey(event: KeyboardEvent) {
      if (event.key !== 'Escape') return;
      setOpen(false);
      buttonRef.current?.focus();
    }
    function onPointer(event: PointerEvent) {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    }
    document.addEventListener('keydown', onKey);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open, setOpen]);

  // Once the session is gone the route guard sends the user to the login page.
  function signOut() {
    setOpen(false);
    logout.mutate();
  }

  return (
    <div className="user-menu" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-quiet user-menu-button"
        aria-expanded={open}
        aria-controls="user-menu-panel"
        onClick={() => setOpen(!open)}
      >
        <span className="avatar" aria-hidden="true">
          {initials(session.user.name)}
        </span>
        <span className="user-menu-name">{session.user.name}</span>
        <span className="visually-hidden">{t('nav.userMenu')}</span>
      </button>
      <div id="user-menu-panel" className="user-menu-panel" hidden={!open}>
        <p className="user-menu-org">
          {session.user.email}
          <br />
          {session.organisation.name}
        </p>
        <ul>
          <li>
            <Link to={paths.settings()}>{t('nav.settings')}</Link>
          </li>
          <li>
            <button
              type="button"
              className="link-button"
              onClick={signOut}
              disabled={logout.isPending}
            >
              {t('nav.logout')}
            </button>
          </li>
        </ul>
      </div>
    </div>
  );
}

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((part) => part[0]?.toUpperCase() ?? '')
    .join('');
}
