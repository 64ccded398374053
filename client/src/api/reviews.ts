import type {
  GiveVerdictRequest,
  PublishedDocument,
  PublishResponse,
  RequestReviewRequest,
  ReviewView,
} from '@polisee/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

const enc = encodeURIComponent;

/** A document's review rounds, newest first; status changes refresh them (documents.all). */
export function useReviews(documentId: string) {
  return useQuery({
    queryKey: queryKeys.documents.reviews(documentId),
    queryFn: ({ signal }) =>
      api.get<{ items: ReviewView[] }>(`/documents/${enc(documentId)}/reviews`, undefined, signal),
    select: (data) => data.items,
  });
}

/** Everything a round touches: the document (status), its reviews, history and the feeds. */
function useInvalidateDocument(documentId: string) {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.documents.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.activity.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.documents.detail(documentId) }),
    ]);
}

export function useRequestReview(documentId: string) {
  const invalidate = useInvalidateDocument(documentId);
  return useMutation({
    mutationFn: (body: RequestReviewRequest) =>
      api.post<ReviewView>(`/documents/${enc(documentId)}/reviews`, body),
    onSuccess: invalidate,
  });
}

export function useGiveVerdict(documentId: string, reviewId: string) {
  const invalidate = useInvalidateDocument(documentId);
  return useMutation({
    mutationFn: (body: GiveVerdictRequest) =>
      api.post<ReviewView>(`/reviews/${enc(reviewId)}/verdicts`, body),
    onSuccess: invalidate,
  });
}

export function usePublish(documentId: string) {
  const invalidate = useInvalidateDocument(documentId);
  return useMutation({
    mutationFn: (versionId: string) =>
      api.post<PublishResponse>(`/documents/${enc(documentId)}/publish`, { versionId }),
    onSuccess: invalidate,
  });
}

export function usePublished(documentId: string) {
  return useQuery({
    queryKey: queryKeys.documents.published(documentId),
    queryFn: ({ signal }) =>
      api.get<PublishedDocument>(`/documents/${enc(documentId)}/published`, undefined, signal),
  });
}
