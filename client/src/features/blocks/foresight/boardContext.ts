import { createContext, useContext } from 'react';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import type { WorkshopView } from '@polisee/contracts';

/**
 * What a board's views know of where they are, beyond the editor: the document (for its
 * group's documents to link sections of) and, on a live workshop's page, the workshop with its
 * session (for dot votes). TipTap renders node views in portals inside the editor's React
 * tree, so these contexts reach them from the pages that provide them.
 */
export interface BoardDocument {
  documentId: string;
  workingGroupId: string;
}

export interface BoardWorkshop {
  workshop: WorkshopView;
  session: WorkshopSession;
  facilitates: boolean;
  mayVote: boolean;
}

export const BoardDocumentContext = createContext<BoardDocument | null>(null);
export const BoardWorkshopContext = createContext<BoardWorkshop | null>(null);

/** The document shown, or null in views that are not one (a version, a comparison). */
export function useBoardDocument(): BoardDocument | null {
  return useContext(BoardDocumentContext);
}

/** The workshop whose page shows the board; null outside a workshop. */
export function useBoardWorkshop(): BoardWorkshop | null {
  return useContext(BoardWorkshopContext);
}
