import type {
  AnswerSignoffRequest,
  RequestSignoffRequest,
  SignatoryView,
  SignoffStatusItem,
  SignoffView,
} from '@polisee/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/http';
import { queryKeys } from '../../api/queryKeys';

const enc = encodeURIComponent;

/**
 * Sign-off queries. A document's requests sit under its detail key, so any change to the
 * document refreshes them; the catalogue's chips and the signatories have keys of their own
 * under `signoffs`, which a `signoff:changed` event refreshes as a whole.
 */
export const signoffKeys = {
  all: ['signoffs'] as const,
  document: (documentId: string) =>
    [...queryKeys.documents.detail(documentId), 'signoffs'] as const,
  statuses: (documentIds: readonly string[]) => ['signoffs', 'status', documentIds] as const,
  signatories: (workingGroupId: string) => ['signoffs', 'signatories', workingGroupId] as const,
};

export function useDocumentSignoffs(documentId: string) {
  return useQuery({
    queryKey: signoffKeys.document(documentId),
    queryFn: ({ signal }) =>
      api.get<{ items: SignoffView[] }>(
        `/documents/${enc(documentId)}/signoffs`,
        undefined,
        signal,
      ),
    select: (data) => data.items,
    // A lapse is noticed when the sign-offs are read (or a version is taken): while a request
    // can still lapse, read them now and then, so an open page follows an edit made elsewhere.
    refetchInterval: (query) =>
      query.state.data?.items.some((r) => r.withdrawnAt === null && r.lapsedAt === null)
        ? 30_000
        : false,
  });
}

/** The catalogue's chips: the latest request's status of each listed document that has one. */
export function useSignoffStatuses(documentIds: readonly string[]) {
  return useQuery({
    queryKey: signoffKeys.statuses(documentIds),
    queryFn: ({ signal }) =>
      api.get<{ items: SignoffStatusItem[] }>(
        '/signoffs/status',
        { documentIds: documentIds.join(',') },
        signal,
      ),
    select: (data) => new Map(data.items.map((i) => [i.documentId, i.status])),
    enabled: documentIds.length > 0,
  });
}

export function useSignatories(workingGroupId: string) {
  return useQuery({
    queryKey: signoffKeys.signatories(workingGroupId),
    queryFn: ({ signal }) =>
      api.get<{ items: SignatoryView[] }>(
        `/working-groups/${enc(workingGroupId)}/signatories`,
        undefined,
        signal,
      ),
    select: (data) => data.items,
  });
}

function useInvalidateSignoffs(documentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: signoffKeys.document(documentId) }),
      queryClient.invalidateQueries({ queryKey: signoffKeys.all }),
    ]);
}

export function useSetSignatory(workingGroupId: string, documentId: string) {
  const invalidate = useInvalidateSignoffs(documentId);
  return useMutation({
    mutationFn: ({ organisationId, userId }: { organisationId: string; userId: string | null }) =>
      api.put<{ items: SignatoryView[] }>(
        `/working-groups/${enc(workingGroupId)}/signatories/${enc(organisationId)}`,
        { userId },
      ),
    onSuccess: invalidate,
  });
}

export function useRequestSignoff(documentId: string) {
  const invalidate = useInvalidateSignoffs(documentId);
  return useMutation({
    mutationFn: (body: RequestSignoffRequest) =>
      api.post<SignoffView>(`/documents/${enc(documentId)}/signoffs`, body),
    onSuccess: invalidate,
  });
}

export function useAnswerSignoff(documentId: string, requestId: string) {
  const invalidate = useInvalidateSignoffs(documentId);
  return useMutation({
    mutationFn: (body: AnswerSignoffRequest) =>
      api.post<SignoffView>(`/signoffs/${enc(requestId)}/answers`, body),
    onSuccess: invalidate,
  });
}

export function useWithdrawSignoff(documentId: string, requestId: string) {
  const invalidate = useInvalidateSignoffs(documentId);
  return useMutation({
    mutationFn: () => api.post<SignoffView>(`/signoffs/${enc(requestId)}/withdraw`),
    onSuccess: invalidate,
  });
}

/** The CSV record's address: a plain link downloads it with the session cookie. */
export const signoffCsvUrl = (requestId: string) =>
  apiUrl(`/signoffs/${enc(requestId)}/export.csv`);
