import type { BlockChange } from '@polisee/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { blockChangeText } from './blockChangeText';

/** What changed inside the method blocks between the two compared states, one line each. */
export function BlockChanges({ changes }: { changes: readonly BlockChange[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  if (changes.length === 0) return null;
  return (
    <section className="block-changes" aria-labelledby={titleId} data-testid="block-changes">
      <h3 className="small-heading" id={titleId}>
        {t('history.blockChanges.title')}
      </h3>
      <ul>
        {changes.map((change, i) => (
          <li key={`${change.block.id}-${change.item?.id ?? ''}-${change.field ?? ''}-${i}`}>
            {blockChangeText(change, t)}
          </li>
        ))}
      </ul>
    </section>
  );
}
