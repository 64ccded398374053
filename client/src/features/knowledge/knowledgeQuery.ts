import { KnowledgeQuerySchema, type KnowledgeQuery } from '@polisee/contracts';

export const KNOWLEDGE_FILTERS = ['priority', 'country', 'tag', 'kind'] as const;
export type KnowledgeFilter = (typeof KNOWLEDGE_FILTERS)[number];

/**
 * The query from the address: each filter that passes the contract, the others dropped, so a
 * hand-edited or outdated link still shows the knowledge base rather than an error.
 */
export function knowledgeQueryFrom(params: URLSearchParams): KnowledgeQuery {
  const query: KnowledgeQuery = {};
  for (const key of [...KNOWLEDGE_FILTERS, 'q'] as const) {
    const value = params.get(key);
    if (!value) continue;
    const parsed = KnowledgeQuerySchema.safeParse({ [key]: value });
    if (parsed.success) Object.assign(query, parsed.data);
  }
  return query;
}
