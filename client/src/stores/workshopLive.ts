import type { DocumentPlace } from '@polisee/contracts';
import type { Editor } from '@tiptap/core';
import { create } from 'zustand';

/** Why the view is asked to move: the shown document scrolls there once per request. */
export type PlaceReason = 'summon' | 'follow' | 'agenda';

export interface PlaceRequest {
  place: DocumentPlace;
  reason: PlaceReason;
  /** New for every request, so that being summoned twice to one place moves twice. */
  nonce: number;
}

/**
 * The live workshop page's UI state: where the view is asked to go, whether this participant
 * follows the facilitator, the sound at the timer's end, and the editor on screen (for taking
 * poll options from the document). The workshop itself is server state (TanStack Query).
 */
interface WorkshopLiveState {
  follow: boolean;
  soundOn: boolean;
  placeRequest: PlaceRequest | null;
  /** Where a facilitator was last seen, for followers. */
  facilitatorPlace: DocumentPlace | null;
  /** The editor of the document shown, once loaded. */
  editor: Editor | null;
  /** Reads where this page's view is now (the heading nearest the top), if a document is shown. */
  probePlace: (() => DocumentPlace | null) | null;
  setFollow: (follow: boolean) => void;
  setSoundOn: (soundOn: boolean) => void;
  requestPlace: (place: DocumentPlace, reason: PlaceReason) => void;
  setFacilitatorPlace: (place: DocumentPlace) => void;
  setEditor: (editor: Editor | null) => void;
  setProbePlace: (probe: (() => DocumentPlace | null) | null) => void;
  reset: () => void;
}

const INITIAL = {
  follow: false,
  soundOn: false,
  placeRequest: null,
  facilitatorPlace: null,
  editor: null,
  probePlace: null,
};

export const useWorkshopLive = create<WorkshopLiveState>()((set) => ({
  ...INITIAL,
  setFollow: (follow) => set({ follow }),
  setSoundOn: (soundOn) => set({ soundOn }),
  requestPlace: (place, reason) =>
    set((s) => ({ placeRequest: { place, reason, nonce: (s.placeRequest?.nonce ?? 0) + 1 } })),
  setFacilitatorPlace: (facilitatorPlace) => set({ facilitatorPlace }),
  setEditor: (editor) => set({ editor }),
  setProbePlace: (probePlace) => set({ probePlace }),
  reset: () => set(INITIAL),
}));
