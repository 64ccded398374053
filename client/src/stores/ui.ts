import { create } from 'zustand';

/**
 * UI state only: what is open, what was just announced. Anything the server knows
 * belongs to TanStack Query, never here.
 */
interface UiState {
  /** The main navigation on narrow screens, where it folds behind a button. */
  navOpen: boolean;
  userMenuOpen: boolean;
  /** The last status message for screen readers (a polite live region reads it out). */
  announcement: { message: string; id: number } | null;
  setNavOpen: (open: boolean) => void;
  toggleNav: () => void;
  setUserMenuOpen: (open: boolean) => void;
  announce: (message: string) => void;
}

export const useUiStore = create<UiState>()((set) => ({
  navOpen: false,
  userMenuOpen: false,
  announcement: null,
  setNavOpen: (navOpen) => set({ navOpen }),
  toggleNav: () => set((s) => ({ navOpen: !s.navOpen })),
  setUserMenuOpen: (userMenuOpen) => set({ userMenuOpen }),
  // The id changes on every call so that announcing the same text twice is read out twice.
  announce: (message) =>
    set((s) => ({ announcement: { message, id: (s.announcement?.id ?? 0) + 1 } })),
}));
