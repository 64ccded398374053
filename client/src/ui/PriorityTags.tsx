import type { ThematicPriority } from '@polisee/domain';
import { useTranslation } from 'react-i18next';

/** The priorities a document or group carries, as small labelled tags. */
export function PriorityTags({ priorities }: { priorities: readonly ThematicPriority[] }) {
  const { t } = useTranslation();
  if (priorities.length === 0) return <span className="muted">{t('common.none')}</span>;
  return (
    <ul className="tag-list">
      {priorities.map((priority) => (
        <li key={priority} className={`tag priority-${priority}`}>
          {t(`priorities.${priority}.name`)}
        </li>
      ))}
    </ul>
  );
}
