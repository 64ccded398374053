import { create } from 'zustand';
import type { SelectionAnchor } from '../../editor/selectionAnchor';

/**
 * The thread being drafted on the open document: on a selection (from the editor's selection
 * menu) or on the whole document. UI state only; threads themselves live in the query cache.
 * The active thread is not here: it is the `?thread=` search parameter, so links open it.
 */
interface CommentsUiState {
  draft: { documentId: string; anchor: SelectionAnchor | null } | null;
  startDraft: (documentId: string, anchor: SelectionAnchor | null) => void;
  clearDraft: () => void;
}

export const useCommentsUi = create<CommentsUiState>()((set) => ({
  draft: null,
  startDraft: (documentId, anchor) => set({ draft: { documentId, anchor } }),
  clearDraft: () => set({ draft: null }),
}));
