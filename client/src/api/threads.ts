import type {
  CreateThreadRequest,
  Mentionable,
  PostMessageRequest,
  ThreadView,
  UpdateThreadRequest,
} from '@polisee/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { upsertDocumentThread } from '../realtime/threadCache';
import { api } from './http';
import { queryKeys } from './queryKeys';

const enc = encodeURIComponent;

/** Every thread of a document with its messages; kept live by `thread:changed` (see realtime/). */
export function useDocumentThreads(documentId: string) {
  return useQuery({
    queryKey: queryKeys.threads.document(documentId),
    queryFn: ({ signal }) =>
      api.get<{ items: ThreadView[] }>(`/documents/${enc(documentId)}/threads`, undefined, signal),
    select: (data) => data.items,
  });
}

export function useMentionable(documentId: string) {
  return useQuery({
    queryKey: queryKeys.threads.mentionable(documentId),
    queryFn: ({ signal }) =>
      api.get<{ items: Mentionable[] }>(
        `/documents/${enc(documentId)}/mentionable`,
        undefined,
        signal,
      ),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

/** Every thread mutation answers with the thread as it now is: write it into the cache at once. */
function useThreadMutation<V>(request: (vars: V) => Promise<ThreadView>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: request,
    onSuccess: (thread) => {
      upsertDocumentThread(queryClient, thread);
      void queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all });
    },
  });
}

export function useStartThread(documentId: string) {
  return useThreadMutation((body: CreateThreadRequest) =>
    api.post<ThreadView>(`/documents/${enc(documentId)}/threads`, body),
  );
}

export function useReply(threadId: string) {
  return useThreadMutation((body: PostMessageRequest) =>
    api.post<ThreadView>(`/threads/${enc(threadId)}/messages`, body),
  );
}

export function useUpdateThread(threadId: string) {
  return useThreadMutation((body: UpdateThreadRequest) =>
    api.patch<ThreadView>(`/threads/${enc(threadId)}`, body),
  );
}

export function useEditMessage(threadId: string) {
  return useThreadMutation(({ messageId, ...body }: PostMessageRequest & { messageId: string }) =>
    api.patch<ThreadView>(`/threads/${enc(threadId)}/messages/${enc(messageId)}`, body),
  );
}

export function useDeleteMessage(threadId: string) {
  return useThreadMutation((messageId: string) =>
    api.delete<ThreadView>(`/threads/${enc(threadId)}/messages/${enc(messageId)}`),
  );
}

/** Opening a thread marks it read, so it stops counting in the inbox. */
export function useMarkThreadRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (threadId: string) => api.post<void>(`/threads/${enc(threadId)}/read`),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.inbox.all }),
  });
}
