import { useTranslation } from 'react-i18next';
import { usePageTitle } from '../../ui/usePageTitle';
import { PasswordForm } from './PasswordForm';
import { ProfileForm } from './ProfileForm';

export function SettingsPage() {
  const { t } = useTranslation();
  usePageTitle(t('settings.title'));
  return (
    <div className="page page-narrow">
      <h1>{t('settings.title')}</h1>
      <ProfileForm />
      <PasswordForm />
    </div>
  );
}
