import type {
  CreateDocumentRequest,
  DocumentFilter,
  UpdateDocumentRequest,
} from '@polisee/contracts';
import type { PoliDocument } from '@polisee/domain';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

export function useDocuments(filter: DocumentFilter) {
  return useQuery({
    queryKey: queryKeys.documents.list(filter),
    queryFn: ({ signal }) =>
      api.get<{ items: PoliDocument[] }>(
        '/documents',
        { ...filter, includeArchived: filter.includeArchived ? 'true' : undefined },
        signal,
      ),
    select: (data) => data.items,
    placeholderData: (previous) => previous,
  });
}

/** Shared by the hook and the document route's loader, which asks before the page renders. */
export function documentQuery(documentId: string) {
  return queryOptions({
    queryKey: queryKeys.documents.detail(documentId),
    queryFn: ({ signal }) =>
      api.get<PoliDocument>(`/documents/${encodeURIComponent(documentId)}`, undefined, signal),
  });
}

export function useDocument(documentId: string) {
  return useQuery(documentQuery(documentId));
}

/** After any change to a document: its lists, its detail and the feed that reports it. */
function useInvalidateDocuments() {
  const queryClient = useQueryClient();
  return (document: PoliDocument) => {
    queryClient.setQueryData(queryKeys.documents.detail(document.id), document);
    return Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.documents.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.activity.all }),
      // Tags and titles show in the knowledge base too.
      queryClient.invalidateQueries({ queryKey: queryKeys.knowledge.all }),
    ]);
  };
}

export function useCreateDocument() {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: (body: CreateDocumentRequest) => api.post<PoliDocument>('/documents', body),
    onSuccess: invalidate,
  });
}

export function useUpdateDocument(documentId: string) {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: (body: UpdateDocumentRequest) =>
      api.patch<PoliDocument>(`/documents/${encodeURIComponent(documentId)}`, body),
    onSuccess: invalidate,
  });
}

export function useSetArchived(documentId: string) {
  const invalidate = useInvalidateDocuments();
  return useMutation({
    mutationFn: (archived: boolean) =>
      api.post<PoliDocument>(
        `/documents/${encodeURIComponent(documentId)}/${archived ? 'archive' : 'unarchive'}`,
      ),
    onSuccess: invalidate,
  });
}
