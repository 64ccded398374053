import type { DocumentTemplate } from '@polisee/contracts';
import type { DocumentKind, Language } from '@polisee/domain';
import { useQuery } from '@tanstack/react-query';
import { api } from './http';
import { queryKeys } from './queryKeys';

export type { DocumentTemplate };

/** The template of a kind in a language; nothing is fetched until a kind is chosen. */
export function useTemplate(kind: DocumentKind | '', language: Language) {
  return useQuery({
    queryKey: queryKeys.templates.detail(kind || 'joint_strategic_plan', language),
    queryFn: ({ signal }) => api.get<DocumentTemplate>(`/templates/${kind}`, { language }, signal),
    enabled: kind !== '',
    // Templates change only with a deployment.
    staleTime: Infinity,
  });
}
