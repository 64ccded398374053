import type {
  CreateOrganisationRequest,
  CreateWorkingGroupRequest,
  Member,
  SetMembershipRequest,
  WorkingGroupSummary,
} from '@polisee/contracts';
import type { Membership, Organisation, User, WorkingGroup } from '@polisee/domain';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

export function useOrganisations() {
  return useQuery({
    queryKey: queryKeys.organisations.all,
    queryFn: ({ signal }) =>
      api.get<{ items: Organisation[] }>('/organisations', undefined, signal),
    select: (data) => data.items,
    staleTime: 5 * 60_000,
  });
}

export function useCreateOrganisation() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateOrganisationRequest) => api.post<Organisation>('/organisations', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.organisations.all }),
  });
}

export function useUsers() {
  return useQuery({
    queryKey: queryKeys.users.all,
    queryFn: ({ signal }) => api.get<{ items: User[] }>('/users', undefined, signal),
    select: (data) => data.items,
  });
}

export function useWorkingGroups() {
  return useQuery({
    queryKey: queryKeys.workingGroups.list(),
    queryFn: ({ signal }) =>
      api.get<{ items: WorkingGroupSummary[] }>('/working-groups', undefined, signal),
    select: (data) => data.items,
  });
}

export function useCreateWorkingGroup() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateWorkingGroupRequest) =>
      api.post<WorkingGroup>('/working-groups', body),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.workingGroups.all }),
  });
}

export function useWorkingGroupMembers(workingGroupId: string | undefined) {
  return useQuery({
    queryKey: queryKeys.workingGroups.members(workingGroupId ?? ''),
    queryFn: ({ signal }) =>
      api.get<{ items: Member[] }>(
        `/working-groups/${encodeURIComponent(workingGroupId ?? '')}/members`,
        undefined,
        signal,
      ),
    select: (data) => data.items,
    enabled: Boolean(workingGroupId),
  });
}

interface MembershipTarget {
  workingGroupId: string;
  userId: string;
}

function membershipPath({ workingGroupId, userId }: MembershipTarget): string {
  return `/working-groups/${encodeURIComponent(workingGroupId)}/members/${encodeURIComponent(userId)}`;
}

/** Membership changes move member counts, member lists and (for oneself) the session's roles. */
function useInvalidateMemberships() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: queryKeys.workingGroups.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.users.all }),
      queryClient.invalidateQueries({ queryKey: queryKeys.session }),
    ]);
}

export function useSetMembership() {
  const invalidate = useInvalidateMemberships();
  return useMutation({
    mutationFn: ({ role, ...target }: MembershipTarget & SetMembershipRequest) =>
      api.put<Membership>(membershipPath(target), { role }),
    onSuccess: invalidate,
  });
}

export function useRemoveMembership() {
  const invalidate = useInvalidateMemberships();
  return useMutation({
    mutationFn: (target: MembershipTarget) => api.delete(membershipPath(target)),
    onSuccess: invalidate,
  });
}
