import type {
  AcceptInvitationRequest,
  CreateInvitationRequest,
  CreateInvitationResponse,
  Invitation,
  InvitationPreview,
  SessionInfo,
} from '@polisee/contracts';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

export function useInvitationPreview(token: string) {
  return useQuery({
    queryKey: queryKeys.invitations.preview(token),
    queryFn: () => api.get<InvitationPreview>(`/invitations/${encodeURIComponent(token)}`),
    staleTime: Infinity,
  });
}

export function useAcceptInvitation(token: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: AcceptInvitationRequest) =>
      api.post<SessionInfo>(`/invitations/${encodeURIComponent(token)}/accept`, body),
    onSuccess: (session) => {
      // Drop what an earlier user may have cached, but keep the preview this page still shows.
      const keep = new Set<unknown>([queryKeys.session[0], queryKeys.invitations.all[0]]);
      queryClient.removeQueries({ predicate: (q) => !keep.has(q.queryKey[0]) });
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}

export function usePendingInvitations(enabled = true) {
  return useQuery({
    queryKey: queryKeys.invitations.pending(),
    queryFn: ({ signal }) => api.get<{ items: Invitation[] }>('/invitations', undefined, signal),
    select: (data) => data.items,
    enabled,
  });
}

export function useCreateInvitation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateInvitationRequest) =>
      api.post<CreateInvitationResponse>('/invitations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.invitations.all }),
  });
}
