import type {
  ChangePasswordRequest,
  LoginRequest,
  SessionInfo,
  UpdateProfileRequest,
} from '@polisee/contracts';
import { queryOptions, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { isApiError } from './ApiError';
import { api } from './http';
import { queryKeys } from './queryKeys';

/** The signed-in session, or `null` when nobody is signed in (the server answers 401). */
export async function fetchSession(): Promise<SessionInfo | null> {
  try {
    return await api.get<SessionInfo>('/auth/me');
  } catch (error) {
    if (isApiError(error, 'unauthenticated')) return null;
    throw error;
  }
}

/** Shared by the hook and the route loader that asks for it before the first render. */
export const sessionQuery = queryOptions({
  queryKey: queryKeys.session,
  queryFn: fetchSession,
  staleTime: 5 * 60_000,
});

export function useSession() {
  return useQuery(sessionQuery);
}

/**
 * The session inside the signed-in part of the app, where the route guard has already
 * made sure there is one.
 */
export function useSessionInfo(): SessionInfo {
  const { data } = useSession();
  if (!data) throw new Error('useSessionInfo() used outside the signed-in routes');
  return data;
}

export function useLogin() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: LoginRequest) => api.post<SessionInfo>('/auth/login', body),
    onSuccess: (session) => {
      // Nothing cached for an earlier user may leak into this one's screens.
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session[0] });
      queryClient.setQueryData(queryKeys.session, session);
    },
  });
}

export function useLogout() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<void>('/auth/logout'),
    onSettled: () => {
      // Not `clear()`: the route guard observes the session query, and a cleared cache would
      // leave it watching a removed query that never turns `null`.
      queryClient.setQueryData(queryKeys.session, null);
      queryClient.removeQueries({ predicate: (q) => q.queryKey[0] !== queryKeys.session[0] });
    },
  });
}

export function useUpdateProfile() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateProfileRequest) => api.patch<SessionInfo>('/me', body),
    onSuccess: (session) => {
      queryClient.setQueryData(queryKeys.session, session);
      // Names appear in member lists and the activity feed.
      void queryClient.invalidateQueries({ queryKey: queryKeys.users.all });
      void queryClient.invalidateQueries({ queryKey: queryKeys.workingGroups.all });
    },
  });
}

export function useChangePassword() {
  return useMutation({
    mutationFn: (body: ChangePasswordRequest) => api.post<void>('/auth/password', body),
  });
}
