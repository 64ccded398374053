import type { SignoffStatus } from '@polisee/domain';
import { useTranslation } from 'react-i18next';

/** A request's status as a small badge: the document page's and the catalogue's. */
export function SignoffStatusChip({ status }: { status: SignoffStatus }) {
  const { t } = useTranslation();
  return (
    <span
      className={`badge signoff-status signoff-${status}`}
      data-testid="signoff-status"
      data-status={status}
    >
      {t(`signoffs.status.${status}`)}
    </span>
  );
}

/** The catalogue's chip for one document: nothing when it was never put to sign-off. */
export function CatalogueSignoffChip({ status }: { status: SignoffStatus | undefined }) {
  return status ? <SignoffStatusChip status={status} /> : null;
}
