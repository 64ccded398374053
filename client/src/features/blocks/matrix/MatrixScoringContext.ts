import { createContext, useContext } from 'react';
import type { MatrixScoring } from './useMatrixScoring';

/** One matrix's scoring, shared by its cells, its bar and its cell panel. */
export const MatrixScoringContext = createContext<MatrixScoring | null>(null);

export function useMatrixScoringContext(): MatrixScoring | null {
  return useContext(MatrixScoringContext);
}
