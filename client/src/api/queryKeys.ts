import type {
  DocumentFilter,
  InboxFilter,
  KnowledgeQuery,
  ProgrammeCellQuery,
  ProgrammeFilter,
  SearchQueryInput,
  WorkshopListQuery,
} from '@polisee/contracts';
import type { DocumentKind, Language, ThematicPriority, ThreadStatus } from '@polisee/domain';

/**
 * Every query key in the client, in one place, so that an invalidation can never miss a key
 * spelled differently elsewhere. Keys nest: invalidating `documents.all` refetches every list
 * and every detail. A document's text is not here: it lives in the Y.Doc (see collab/).
 */
export const queryKeys = {
  session: ['session'] as const,
  invitations: {
    all: ['invitations'] as const,
    pending: () => ['invitations', 'pending'] as const,
    preview: (token: string) => ['invitations', 'preview', token] as const,
  },
  organisations: {
    all: ['organisations'] as const,
  },
  users: {
    all: ['users'] as const,
  },
  workingGroups: {
    all: ['workingGroups'] as const,
    list: () => ['workingGroups', 'list'] as const,
    members: (workingGroupId: string) => ['workingGroups', 'members', workingGroupId] as const,
  },
  documents: {
    all: ['documents'] as const,
    list: (filter: DocumentFilter) => ['documents', 'list', filter] as const,
    detail: (documentId: string) => ['documents', 'detail', documentId] as const,
    // Under the document's detail key: any change to the document refreshes them too.
    versions: (documentId: string) => ['documents', 'detail', documentId, 'versions'] as const,
    version: (documentId: string, versionId: string) =>
      ['documents', 'detail', documentId, 'versions', versionId] as const,
    diff: (documentId: string, from: string, to: string) =>
      ['documents', 'detail', documentId, 'diff', from, to] as const,
    reviews: (documentId: string) => ['documents', 'detail', documentId, 'reviews'] as const,
    published: (documentId: string) => ['documents', 'detail', documentId, 'published'] as const,
    /** Its headings, for binding agenda items: any change to the document refreshes them. */
    sections: (documentId: string) => ['documents', 'detail', documentId, 'sections'] as const,
    /** One matrix's scoring as this reader sees it (own scores, counts, revealed results). */
    assessment: (documentId: string, matrixId: string) =>
      ['documents', 'detail', documentId, 'assessments', matrixId] as const,
  },
  workshops: {
    all: ['workshops'] as const,
    list: (filter: WorkshopListQuery) => ['workshops', 'list', filter] as const,
    detail: (workshopId: string) => ['workshops', 'detail', workshopId] as const,
    // Under the workshop's detail key: a change to the workshop refreshes them too.
    polls: (workshopId: string) => ['workshops', 'detail', workshopId, 'polls'] as const,
    outcomes: (workshopId: string) => ['workshops', 'detail', workshopId, 'outcomes'] as const,
    attendance: (workshopId: string) => ['workshops', 'detail', workshopId, 'attendance'] as const,
  },
  programme: {
    all: ['programme'] as const,
    heatmap: (filter: ProgrammeFilter) => ['programme', 'heatmap', filter] as const,
    cell: (query: ProgrammeCellQuery) => ['programme', 'cell', query] as const,
  },
  templates: {
    detail: (kind: DocumentKind, language: Language) => ['templates', kind, language] as const,
  },
  activity: {
    all: ['activity'] as const,
    list: (limit: number) => ['activity', limit] as const,
    document: (documentId: string) => ['activity', 'document', documentId] as const,
  },
  threads: {
    all: ['threads'] as const,
    /** Every thread of a document, with messages; the sidebar filters them in memory. */
    document: (documentId: string) => ['threads', 'document', documentId] as const,
    mentionable: (documentId: string) => ['threads', 'mentionable', documentId] as const,
  },
  inbox: {
    all: ['inbox'] as const,
    counts: () => ['inbox', 'counts'] as const,
    list: (priority: ThematicPriority, status: ThreadStatus, filter: InboxFilter) =>
      ['inbox', 'list', priority, status, filter] as const,
  },
  knowledge: {
    all: ['knowledge'] as const,
    list: (query: KnowledgeQuery) => ['knowledge', 'list', query] as const,
    entry: (documentId: string) => ['knowledge', 'entry', documentId] as const,
  },
  search: {
    all: ['search'] as const,
    /** One page of hits under a query and its filters (the type-ahead asks with a small limit). */
    results: (query: SearchQueryInput) => ['search', query] as const,
  },
  notifications: {
    all: ['notifications'] as const,
    lists: () => ['notifications', 'list'] as const,
    list: (unreadOnly: boolean) => ['notifications', 'list', unreadOnly] as const,
    unreadCount: () => ['notifications', 'unreadCount'] as const,
  },
} as const;
