import type {
  MarkNotificationsReadRequest,
  NotificationsPage,
  UnreadCount,
} from '@polisee/contracts';
import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

const PAGE_SIZE = 30;

/** The notification centre, newest first, page by page. */
export function useNotifications(unreadOnly: boolean) {
  return useInfiniteQuery({
    queryKey: queryKeys.notifications.list(unreadOnly),
    queryFn: ({ signal, pageParam }) =>
      api.get<NotificationsPage>(
        '/notifications',
        { unread: unreadOnly ? 'true' : undefined, cursor: pageParam, limit: PAGE_SIZE },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The badge count; pushed live by `notification:added` and `notifications:read`. */
export function useUnreadNotificationCount() {
  return useQuery({
    queryKey: queryKeys.notifications.unreadCount(),
    queryFn: async ({ signal }) =>
      (await api.get<NotificationsPage>('/notifications', { limit: 1 }, signal)).unreadCount,
  });
}

export function useMarkNotificationsRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: MarkNotificationsReadRequest) =>
      api.post<UnreadCount>('/notifications/read', body),
    onSuccess: ({ unreadCount }) => {
      queryClient.setQueryData(queryKeys.notifications.unreadCount(), unreadCount);
      return queryClient.invalidateQueries({ queryKey: queryKeys.notifications.lists() });
    },
  });
}
