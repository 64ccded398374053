import type { AuthorshipResponse, ContributionsResponse } from '@polisee/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/http';
import { queryKeys } from '../../api/queryKeys';

const enc = encodeURIComponent;

/** Authorship and statistics sit under the document's key: any change to it refreshes them. */
export const attributionKeys = {
  authorship: (documentId: string) =>
    [...queryKeys.documents.detail(documentId), 'authorship'] as const,
  contributions: (documentId: string) =>
    [...queryKeys.documents.detail(documentId), 'contributions'] as const,
};

/** Which organisation wrote under each Yjs client id (decision 0069); read while the view is on. */
export function useAuthorship(documentId: string, enabled: boolean) {
  return useQuery({
    queryKey: attributionKeys.authorship(documentId),
    queryFn: ({ signal }) =>
      api.get<AuthorshipResponse>(`/documents/${enc(documentId)}/authorship`, undefined, signal),
    enabled,
    // New writers are bound within a second or two of their first edit.
    refetchInterval: enabled ? 5_000 : false,
  });
}

export function useDocumentContributions(documentId: string) {
  return useQuery({
    queryKey: attributionKeys.contributions(documentId),
    queryFn: ({ signal }) =>
      api.get<ContributionsResponse>(
        `/documents/${enc(documentId)}/contributions`,
        { period: 'month' },
        signal,
      ),
    refetchInterval: 10_000,
  });
}

export const contributionsCsvUrl = (documentId: string) =>
  apiUrl(`/documents/${enc(documentId)}/contributions.csv`);
