import type { InboxCounts, InboxFilter, InboxPage } from '@polisee/contracts';
import type { ThematicPriority, ThreadStatus } from '@polisee/domain';
import { useInfiniteQuery, useQuery } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

const PAGE_SIZE = 30;

/** Open and unread thread counts for the six priority inboxes. */
export function useInboxCounts() {
  return useQuery({
    queryKey: queryKeys.inbox.counts(),
    queryFn: ({ signal }) => api.get<InboxCounts>('/inbox', undefined, signal),
    select: (data) => data.priorities,
  });
}

/** One priority inbox, newest activity first, page by page. */
export function useInbox(priority: ThematicPriority, status: ThreadStatus, filter: InboxFilter) {
  return useInfiniteQuery({
    queryKey: queryKeys.inbox.list(priority, status, filter),
    queryFn: ({ signal, pageParam }) =>
      api.get<InboxPage>(
        `/inbox/${encodeURIComponent(priority)}`,
        { status, filter, cursor: pageParam, limit: PAGE_SIZE },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}
