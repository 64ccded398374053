import type { ReactNode } from 'react';

/**
 * Toolbar icons as inline SVG: no icon font or emoji, so they render the same on every system
 * (headless and locked-down browsers often have no emoji font). Decorative: the buttons carry
 * the translated names.
 */
function Icon({ children }: { children: ReactNode }) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 24 24"
      fill="none"
      stroke="currentColor"
      strokeWidth="2"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
    >
      {children}
    </svg>
  );
}

export const BulletListIcon = () => (
  <Icon>
    <path d="M9 6h11M9 12h11M9 18h11" />
    <circle cx="4" cy="6" r="1" fill="currentColor" />
    <circle cx="4" cy="12" r="1" fill="currentColor" />
    <circle cx="4" cy="18" r="1" fill="currentColor" />
  </Icon>
);

export const OrderedListIcon = () => (
  <Icon>
    <path d="M10 6h10M10 12h10M10 18h10" />
    <path d="M4 4.5 5 4v4M3.5 14.5c0-1 2.5-1 2.5 0 0 .8-2.5 1.7-2.5 3h2.5" strokeWidth="1.5" />
  </Icon>
);

export const TaskListIcon = () => (
  <Icon>
    <rect x="3" y="4" width="6" height="6" rx="1" />
    <path d="m4.5 7 1.2 1.2L8 5.8" strokeWidth="1.5" />
    <rect x="3" y="14" width="6" height="6" rx="1" />
    <path d="M12 7h9M12 17h9" />
  </Icon>
);

export const LinkIcon = () => (
  <Icon>
    <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
    <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
  </Icon>
);

export const TableIcon = () => (
  <Icon>
    <rect x="3" y="4" width="18" height="16" rx="1.5" />
    <path d="M3 9.5h18M3 15h18M9 4v16M15 4v16" />
  </Icon>
);

export const UndoIcon = () => (
  <Icon>
    <path d="M9 14 4 9l5-5" />
    <path d="M4 9h10.5a5.5 5.5 0 0 1 0 11H11" />
  </Icon>
);

export const RedoIcon = () => (
  <Icon>
    <path d="m15 14 5-5-5-5" />
    <path d="M20 9H9.5a5.5 5.5 0 0 0 0 11H13" />
  </Icon>
);

/** A pen over a line: suggesting changes. */
export const SuggestIcon = () => (
  <Icon>
    <path d="M4 20h6" />
    <path d="M15.5 4.5l4 4L9 19H5v-4z" />
  </Icon>
);
