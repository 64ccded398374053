import type { Activity } from '@polisee/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

/** The newest lines of the activity feed; refreshed by `activity:added` (see realtime/). */
export function useActivity(limit = 20) {
  return useQuery({
    queryKey: queryKeys.activity.list(limit),
    queryFn: ({ signal }) => api.get<{ items: Activity[] }>('/activity', { limit }, signal),
    select: (data) => data.items,
  });
}

/** One document's feed: versions, reviews, verdicts, status changes, restores and more. */
export function useDocumentActivity(documentId: string, limit = 20) {
  return useQuery({
    queryKey: queryKeys.activity.document(documentId),
    queryFn: ({ signal }) =>
      api.get<{ items: Activity[] }>(
        `/documents/${encodeURIComponent(documentId)}/activity`,
        { limit },
        signal,
      ),
    select: (data) => data.items,
  });
}
