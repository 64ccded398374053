import type { SearchEntryType } from '@polisee/domain';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * A line drawing per kind of hit, as inline SVG (no emoji: headless and locked-down browsers
 * often have no emoji font). Decorative: the translated name beside it says the same.
 */
const ICONS: Record<SearchEntryType, ReactNode> = {
  document: <path d="M6 3h8l4 4v14H6zM14 3v4h4M9 12h6M9 16h6" />,
  thread: <path d="M4 5h16v11H9l-5 4z" />,
  decision: <path d="M12 3a9 9 0 1 0 0 18 9 9 0 0 0 0-18zM8 12l3 3 5-6" />,
  knowledge: <path d="M4 5a2 2 0 0 1 2-2h14v16H6a2 2 0 0 0-2 2zM4 21V5M8 7h8" />,
};

/** What a hit is: a document, a comment thread, a workshop decision, a knowledge-base entry. */
export function TypeLabel({ type }: { type: SearchEntryType }) {
  const { t } = useTranslation();
  return (
    <span className={`search-type search-type-${type}`}>
      <svg
        width="14"
        height="14"
        viewBox="0 0 24 24"
        fill="none"
        stroke="currentColor"
        strokeWidth="2"
        strokeLinecap="round"
        strokeLinejoin="round"
        aria-hidden="true"
        focusable="false"
      >
        {ICONS[type]}
      </svg>{' '}
      {t(`search.types.${type}`)}
    </span>
  );
}
