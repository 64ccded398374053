import {
  KnowledgeEntryViewSchema,
  KnowledgeListSchema,
  type KnowledgeQuery,
} from '@polisee/contracts';
import { useQuery } from '@tanstack/react-query';
import { ApiError } from './ApiError';
import { api } from './http';
import { queryKeys } from './queryKeys';

/** Parsed with the contract: a drifted server fails loudly rather than show a wrong entry. */
function parse<T>(schema: { safeParse(v: unknown): { success: boolean; data?: T } }) {
  return (body: unknown): T => {
    const parsed = schema.safeParse(body);
    if (!parsed.success) {
      throw new ApiError('unexpected_response', 200, 'The server answered outside the contract.');
    }
    return parsed.data as T;
  };
}

/** The published entries under the filters; the previous list stays while another loads. */
export function useKnowledge(query: KnowledgeQuery) {
  return useQuery({
    queryKey: queryKeys.knowledge.list(query),
    queryFn: ({ signal }) =>
      api.get<unknown>('/knowledge', { ...query }, signal).then(parse(KnowledgeListSchema)),
    placeholderData: (previous) => previous,
  });
}

/** One entry's published view, with its links and backlinks. */
export function useKnowledgeEntry(documentId: string) {
  return useQuery({
    queryKey: queryKeys.knowledge.entry(documentId),
    queryFn: ({ signal }) =>
      api
        .get<unknown>(`/knowledge/${encodeURIComponent(documentId)}`, undefined, signal)
        .then(parse(KnowledgeEntryViewSchema)),
  });
}
