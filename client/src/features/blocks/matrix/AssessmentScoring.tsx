import type { PoliDocument } from '@polisee/domain';
import { createContext, useContext, type ReactNode } from 'react';

/**
 * The live document the matrices belong to, for their scoring: node views are drawn inside the
 * editor, which knows nothing of documents. Only the live document page provides it; a version
 * or a comparison does not, and its matrices show their structure alone (no scores there).
 */
const ScoringDocumentContext = createContext<PoliDocument | null>(null);

export function AssessmentScoringProvider({
  document,
  children,
}: {
  document: PoliDocument;
  children: ReactNode;
}) {
  return (
    <ScoringDocumentContext.Provider value={document}>{children}</ScoringDocumentContext.Provider>
  );
}

export function useScoringDocument(): PoliDocument | null {
  return useContext(ScoringDocumentContext);
}
