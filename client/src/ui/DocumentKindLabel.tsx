import type { DocumentKind } from '@polisee/domain';
import { useTranslation } from 'react-i18next';

export function DocumentKindLabel({ kind }: { kind: DocumentKind }) {
  const { t } = useTranslation();
  return <span className="kind">{t(`kinds.${kind}`)}</span>;
}
