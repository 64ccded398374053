import {
  ASSESSMENT_ERRORS,
  AssessmentViewSchema,
  type AssessmentView,
  type PutAssessmentScoreRequest,
} from '@polisee/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { ApiError, isApiError } from './ApiError';
import { api } from './http';
import { queryKeys } from './queryKeys';

const enc = encodeURIComponent;

/**
 * Answers are parsed with the contract: the matrix decides from them what it shows (the phase,
 * whose scores), and a server that drifted from the contract must fail here, loudly.
 */
function parseView(body: unknown): AssessmentView {
  const parsed = AssessmentViewSchema.safeParse(body);
  if (!parsed.success) {
    throw new ApiError('unexpected_response', 200, 'The server answered outside the contract.');
  }
  return parsed.data;
}

const base = (documentId: string, matrixId: string) =>
  `/documents/${enc(documentId)}/assessments/${enc(matrixId)}`;

export function fetchAssessment(documentId: string, matrixId: string, signal?: AbortSignal) {
  return api.get<unknown>(base(documentId, matrixId), undefined, signal).then(parseView);
}

/** Stores the caller's score of one cell in the current round (an idempotent upsert). */
export function putScore(documentId: string, matrixId: string, body: PutAssessmentScoreRequest) {
  return api.put<unknown>(`${base(documentId, matrixId)}/scores`, body).then(parseView);
}

/** Withdraws the caller's score of one cell (none stored: the same answer). */
export function deleteScore(
  documentId: string,
  matrixId: string,
  cell: { rowId: string; criterionId: string },
) {
  return api
    .delete<unknown>(
      `${base(documentId, matrixId)}/scores/${enc(cell.rowId)}/${enc(cell.criterionId)}`,
    )
    .then(parseView);
}

/**
 * A matrix just inserted is unknown to the server until its block has synced: that 404 is worth
 * a few retries (1 s, 2 s, 4 s, …). Any other 4xx answers the same the second time.
 */
function retryAssessment(failureCount: number, error: unknown): boolean {
  if (isApiError(error) && error.reason === ASSESSMENT_ERRORS.unknownMatrix) {
    return failureCount < 5;
  }
  if (isApiError(error) && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

/** What this reader sees of a matrix's scoring; kept live by `assessment:changed`. */
export function useAssessment(documentId: string, matrixId: string, enabled = true) {
  return useQuery({
    queryKey: queryKeys.documents.assessment(documentId, matrixId),
    queryFn: ({ signal }) => fetchAssessment(documentId, matrixId, signal),
    enabled: enabled && documentId !== '' && matrixId !== '',
    retry: retryAssessment,
  });
}

/** The lead's two moves: both answer with the new view, written into the cache at once. */
function useRoundMutation(documentId: string, matrixId: string, path: 'reveal' | 'second-round') {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<unknown>(`${base(documentId, matrixId)}/${path}`).then(parseView),
    onSuccess: (view) =>
      queryClient.setQueryData(queryKeys.documents.assessment(documentId, matrixId), view),
  });
}

export function useRevealScores(documentId: string, matrixId: string) {
  return useRoundMutation(documentId, matrixId, 'reveal');
}

export function useStartSecondRound(documentId: string, matrixId: string) {
  return useRoundMutation(documentId, matrixId, 'second-round');
}
