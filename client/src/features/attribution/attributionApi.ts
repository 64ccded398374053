import type { AuthorshipResponse, ContributionsResponse } from '@polisee/contracts';
import { useQuery } from '@tanstack/react-query';
import { api, apiUrl } from '../../api/http';
import { queryKeys } from '../../api/queryKeys';
import type { ReportQuery } from './contributionsReport';

const enc = encodeURIComponent;

/** Authorship and statistics sit under the document's key: any change to it refreshes them. */
export const attributionKeys = {
  programme: (query: ReportQuery) => ['contributions', query] as const,
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

/** A working group's (or the programme's) figures; the previous ones stay shown while others load. */
export function useProgrammeContributions(query: ReportQuery, enabled: boolean) {
  return useQuery({
    queryKey: attributionKeys.programme(query),
    queryFn: ({ signal }) => api.get<ContributionsResponse>('/contributions', { ...query }, signal),
    enabled,
    placeholderData: (previous) => previous,
  });
}

export const programmeContributionsCsvUrl = (query: ReportQuery) =>
  apiUrl('/contributions.csv', { ...query });
