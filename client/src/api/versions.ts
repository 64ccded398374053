import type {
  DocumentDiff,
  SaveVersionRequest,
  VersionContent,
  VersionsPage,
} from '@polisee/contracts';
import type { DocumentVersion } from '@polisee/domain';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

const enc = encodeURIComponent;

/** A document's history, newest first, without content (the server never sends the bytes). */
export function useVersions(documentId: string) {
  return useInfiniteQuery({
    queryKey: queryKeys.documents.versions(documentId),
    queryFn: ({ signal, pageParam }) =>
      api.get<VersionsPage>(
        `/documents/${enc(documentId)}/versions`,
        { limit: 100, before: pageParam },
        signal,
      ),
    initialPageParam: undefined as number | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
  });
}

export function useVersionContent(documentId: string, versionId: string | null) {
  return useQuery({
    queryKey: queryKeys.documents.version(documentId, versionId ?? ''),
    queryFn: ({ signal }) =>
      api.get<VersionContent>(
        `/documents/${enc(documentId)}/versions/${enc(versionId!)}`,
        undefined,
        signal,
      ),
    enabled: versionId !== null,
    // A version never changes.
    staleTime: Infinity,
  });
}

/** Two states compared; `to` is a version id or `current` (the live document). */
export function useDiff(documentId: string, from: string | null, to: string) {
  return useQuery({
    queryKey: queryKeys.documents.diff(documentId, from ?? '', to),
    queryFn: ({ signal }) =>
      api.get<DocumentDiff>(`/documents/${enc(documentId)}/diff`, { from, to }, signal),
    enabled: from !== null,
  });
}

export function useSaveVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: SaveVersionRequest) =>
      api.post<DocumentVersion>(`/documents/${enc(documentId)}/versions`, body),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.documents.versions(documentId) }),
  });
}

/** Brings a version back as a new change on top; everyone connected sees it live. */
export function useRestoreVersion(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (versionId: string) =>
      api.post<DocumentVersion>(`/documents/${enc(documentId)}/versions/${enc(versionId)}/restore`),
    onSuccess: () =>
      queryClient.invalidateQueries({ queryKey: queryKeys.documents.detail(documentId) }),
  });
}
