import { randomUUID } from 'node:crypto';
import type { SearchEntry } from '@polisee/domain';

/** A search index entry: a document's by default; override what the test is about. */
export function buildSearchEntry(
  over: Partial<SearchEntry> & { workingGroupId: string },
): SearchEntry {
  const documentId = over.documentId === undefined ? randomUUID() : over.documentId;
  return {
    id: `document:${documentId ?? randomUUID()}`,
    type: 'document',
    documentId,
    threadId: null,
    workshopId: null,
    title: 'Joint strategic plan',
    body: 'The partners agree on a common approach.',
    thematicPriorities: ['innovation'],
    kind: 'joint_strategic_plan',
    countries: ['GR'],
    status: 'draft',
    language: 'en',
    updatedAt: new Date(Date.UTC(2026, 0, 1)).toISOString(),
    ...over,
  };
}
