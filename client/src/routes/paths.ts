/** Client routes, built in one place so that links and the router cannot disagree. */
export const paths = {
  dashboard: () => '/',
  login: (next?: string) => (next ? `/login?next=${encodeURIComponent(next)}` : '/login'),
  invitation: (token: string) => `/invite/${encodeURIComponent(token)}`,
  documents: (search?: URLSearchParams | Record<string, string>) => {
    const query = new URLSearchParams(search).toString();
    return query ? `/documents?${query}` : '/documents';
  },
  newDocument: (search?: Record<string, string>) => {
    const query = new URLSearchParams(search).toString();
    return query ? `/documents/new?${query}` : '/documents/new';
  },
  document: (id: string) => `/documents/${encodeURIComponent(id)}`,
  /** A document opened at one comment thread (scrolled to its text, thread open). */
  documentThread: (id: string, threadId: string) =>
    `/documents/${encodeURIComponent(id)}?thread=${encodeURIComponent(threadId)}`,
  /** A document's history: `view` one version, or compare `from` with `to` (a version or `current`). */
  documentHistory: (id: string, search?: { view?: string; from?: string; to?: string }) => {
    const query = new URLSearchParams(search ?? {}).toString();
    return `/documents/${encodeURIComponent(id)}/history${query ? `?${query}` : ''}`;
  },
  documentPublished: (id: string) => `/documents/${encodeURIComponent(id)}/published`,
  inbox: (priority?: string) => (priority ? `/inbox/${encodeURIComponent(priority)}` : '/inbox'),
  notifications: () => '/notifications',
  workingGroups: () => '/working-groups',
  workingGroup: (id: string) => `/working-groups/${encodeURIComponent(id)}`,
  workshops: () => '/workshops',
  /** The programme view: revealed assessments by thematic priority × country. */
  programme: () => '/programme',
  /** Contributions per organisation or country (decision 0069); the report's choice in the query. */
  programmeContributions: (search?: Record<string, string>) => {
    const query = new URLSearchParams(search).toString();
    return query ? `/programme/contributions?${query}` : '/programme/contributions';
  },
  /** The knowledge base: published training packages and good practices (decision 0062). */
  knowledge: () => '/knowledge',
  knowledgeEntry: (id: string) => `/knowledge/${encodeURIComponent(id)}`,
  newWorkshop: (search?: Record<string, string>) => {
    const query = new URLSearchParams(search).toString();
    return query ? `/workshops/new?${query}` : '/workshops/new';
  },
  /** A workshop: its plan before it starts, the live session while it runs, its record after. */
  workshop: (id: string) => `/workshops/${encodeURIComponent(id)}`,
  /** Its plan, changed by a facilitator before it starts. */
  editWorkshop: (id: string) => `/workshops/${encodeURIComponent(id)}/edit`,
  /** Search results; the query and its filters live in the address so a search can be shared. */
  search: (search?: URLSearchParams) => {
    const query = search?.toString() ?? '';
    return query ? `/search?${query}` : '/search';
  },
  admin: () => '/admin',
  settings: () => '/settings',
} as const;

/**
 * Where to go after login. Only a path inside this app: an absolute or protocol-relative URL
 * in `?next=` would turn the login page into an open redirect.
 */
export function safeNextPath(next: string | null): string {
  if (!next || !next.startsWith('/') || next.startsWith('//') || next.startsWith('/\\')) return '/';
  if (next.startsWith('/login')) return '/';
  return next;
}
