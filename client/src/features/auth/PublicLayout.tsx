import { useTranslation } from 'react-i18next';
import { Outlet } from 'react-router';
import { useSession } from '../../api/auth';
import { currentLanguage } from '../../i18n';
import { Announcer } from '../../ui/Announcer';
import { LanguageSelect } from '../../ui/LanguageSelect';

/** Login and invitation pages: the product name, a language choice (this device only), the form. */
export function PublicLayout() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  return (
    <div className="public-shell">
      <a className="skip-link" href="#main">
        {t('nav.skipToContent')}
      </a>
      <header className="public-header">
        <span className="brand">{t('app.name')}</span>
        <LanguageSelect
          className="language-switcher"
          label={t('nav.language')}
          value={currentLanguage(i18n.language)}
          onChange={(language) => void i18n.changeLanguage(language)}
          // Once signed in, the user's stored language applies and this page is about to be
          // left: a choice made here in that moment would be overridden, so it is not offered.
          disabled={Boolean(session.data)}
        />
      </header>
      <main id="main" className="public-main" tabIndex={-1}>
        <Outlet />
      </main>
      <Announcer />
    </div>
  );
}
