import type { AssessmentView } from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import { canOnAssessment, canOnDocument } from '@polisee/policy';
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { useAssessment } from '../../../api/assessments';
import { useSession } from '../../../api/auth';
import { queryKeys } from '../../../api/queryKeys';
import { useRoomSubscription } from '../../../realtime/useRoomSubscription';
import { useSocketStore } from '../../../realtime/socketStore';
import { cellKey, type PendingQueue } from './pendingScores';
import {
  enqueueScore,
  flushOutbox,
  readOutbox,
  subscribeOutbox,
  type OutboxKey,
} from './scoreOutbox';

export interface CellRef {
  rowId: string;
  criterionId: string;
}

/** The cell whose details are open below the matrix, and what is open. */
export interface SelectedCell extends CellRef {
  rowName: string;
  criterionName: string;
  priority: string | null;
  mode: 'rationale' | 'breakdown' | 'discuss';
}

export interface MatrixScoring {
  document: PoliDocument;
  matrixId: string;
  view: AssessmentView | undefined;
  loadError: unknown;
  may: { score: boolean; reveal: boolean; secondRound: boolean; comment: boolean };
  /** Scores chosen on this device and not stored yet, per `cellKey`. */
  pending: PendingQueue;
  /** Why the server refused a cell's last choice, per `cellKey`, until the next choice. */
  refusals: Record<string, unknown>;
  give: (cell: CellRef, score: number | null, rationale: string | null) => void;
  selected: SelectedCell | null;
  select: (cell: SelectedCell | null) => void;
}

const EMPTY: PendingQueue = {};
const noop = () => () => undefined;

/**
 * One matrix's scoring on the live page: the reader's view from the server, their choices not
 * yet sent (sent again when the network or the socket comes back), and what they may do.
 * `document` null (a version, a comparison): nothing is asked of the server.
 */
export function useMatrixScoring(
  document: PoliDocument | null,
  matrixId: string,
  allowObservers: boolean,
): MatrixScoring | null {
  const queryClient = useQueryClient();
  const session = useSession().data ?? null;
  const documentId = document?.id ?? '';
  const query = useAssessment(documentId, matrixId, document !== null && session !== null);
  useRoomSubscription('document', document ? documentId : null);
  const socket = useSocketStore((s) => s.socket);

  const key = useMemo<OutboxKey | null>(
    () => (session && document ? { userId: session.user.id, documentId, matrixId } : null),
    [session, document, documentId, matrixId],
  );
  const pending = useSyncExternalStore(
    key ? (listener) => subscribeOutbox(key, listener) : noop,
    () => (key ? readOutbox(key) : EMPTY),
  );
  const [refusals, setRefusals] = useState<Record<string, unknown>>({});
  const [selected, select] = useState<SelectedCell | null>(null);

  const flush = useCallback(() => {
    if (!key) return;
    void flushOutbox(key, {
      onStored: (view) =>
        queryClient.setQueryData(queryKeys.documents.assessment(documentId, matrixId), view),
      onRefused: ({ entry, error }) => {
        setRefusals((current) => ({ ...current, [cellKey(entry)]: error }));
        // The refusal may mean the round moved on (revealed): show what is true now.
        void queryClient.invalidateQueries({
          queryKey: queryKeys.documents.assessment(documentId, matrixId),
        });
      },
    });
  }, [key, queryClient, documentId, matrixId]);

  // Whatever waits on this device goes when the page opens, the browser is back online, or the
  // socket reconnects (the server was away while the browser thought itself online).
  useEffect(() => {
    flush();
    globalThis.addEventListener('online', flush);
    socket?.on('connect', flush);
    return () => {
      globalThis.removeEventListener('online', flush);
      socket?.off('connect', flush);
    };
  }, [flush, socket]);

  const give = useCallback(
    (cell: CellRef, score: number | null, rationale: string | null) => {
      if (!key) return;
      setRefusals(({ [cellKey(cell)]: _gone, ...rest }) => rest);
      enqueueScore(key, { ...cell, score, rationale, at: Date.now() });
      flush();
    },
    [key, flush],
  );

  if (!document || !session) return null;
  const matrix = { allowObservers };
  const may = {
    score: canOnAssessment(session, 'assessment.score', document, matrix),
    reveal: canOnAssessment(session, 'assessment.reveal', document, matrix),
    secondRound: canOnAssessment(session, 'assessment.startSecondRound', document, matrix),
    comment: canOnDocument(session, 'document.comment', document),
  };
  return {
    document,
    matrixId,
    view: query.data,
    loadError: query.error,
    may,
    pending,
    refusals,
    give,
    selected,
    select,
  };
}
