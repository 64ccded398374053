import type { DocumentStatus } from '@polisee/domain';
import { useTranslation } from 'react-i18next';

export function StatusBadge({ status }: { status: DocumentStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status-${status}`}>{t(`statuses.${status}`)}</span>;
}
