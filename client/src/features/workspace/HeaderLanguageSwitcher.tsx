import type { Language } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { useUpdateProfile } from '../../api/auth';
import { currentLanguage } from '../../i18n';
import { useUiStore } from '../../stores/ui';
import { LanguageSelect } from '../../ui/LanguageSelect';

/** Switches the UI at once, then stores the choice as the user's preference (`PATCH /api/me`). */
export function HeaderLanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const updateProfile = useUpdateProfile();
  const announce = useUiStore((s) => s.announce);

  function change(language: Language) {
    void i18n.changeLanguage(language);
    updateProfile.mutate({ language }, { onError: () => announce(t('settings.languageNotSaved')) });
  }

  return (
    <LanguageSelect
      className="language-switcher"
      label={t('nav.language')}
      value={currentLanguage(i18n.language)}
      onChange={change}
    />
  );
}
