import type {
  CommentThread,
  PoliDocument,
  Publication,
  SearchEntry,
  ThreadMessage,
  Workshop,
  WorkshopOutcome,
} from '@polisee/domain';

/**
 * How each thing that can be found becomes index entries (decision 0059): one entry per
 * document (its title and plain text), one per comment thread (its messages), one per
 * workshop decision. Pure: the services read, these shape.
 */

/** Ids of entries, by what they belong to: stable, so a reindex replaces rather than adds. */
export const entryIds = {
  document: (documentId: string) => `document:${documentId}`,
  published: (documentId: string) => `published:${documentId}`,
  thread: (threadId: string) => `thread:${threadId}`,
  decision: (outcomeId: string) => `decision:${outcomeId}`,
};

/** A thread on a whole document quotes nothing; its hit is then titled with the document's. */
const THREAD_TITLE_CHARS = 160;

export function documentEntry(doc: PoliDocument, text: string): SearchEntry {
  // Tags are words a reader looks for: they are found with the body, after it.
  const body = doc.tags.length > 0 ? `${text}\n\n${doc.tags.join(' ')}` : text;
  return {
    id: entryIds.document(doc.id),
    type: 'document',
    documentId: doc.id,
    threadId: null,
    workshopId: null,
    workingGroupId: doc.workingGroupId,
    title: doc.title,
    body,
    thematicPriorities: doc.thematicPriorities,
    kind: doc.kind,
    countries: doc.countries,
    status: doc.status,
    language: doc.language,
    updatedAt: doc.updatedAt,
  };
}

/**
 * A knowledge-base entry's published version (decision 0062): the whole workspace reads it, so
 * its entry is found by everyone, while the document's own entry (the text being drafted) stays
 * its group's. Opens the published view.
 */
export function publishedEntry(
  doc: PoliDocument,
  text: string,
  publication: Pick<Publication, 'publishedAt'>,
): SearchEntry {
  return {
    ...documentEntry(doc, text),
    id: entryIds.published(doc.id),
    type: 'knowledge',
    status: 'published',
    updatedAt: publication.publishedAt,
  };
}

/**
 * A thread's entry: its messages (deleted ones have no text), titled with the text it was
 * started on. Facets are the document's but for the priority and status, which are the
 * thread's own. Null when no message has text left: nothing to find.
 */
export function threadEntry(
  doc: PoliDocument,
  thread: CommentThread,
  messages: readonly ThreadMessage[],
): SearchEntry | null {
  const body = messages
    .filter((m) => m.deletedAt === null && m.body.trim() !== '')
    .map((m) => m.body)
    .join('\n\n');
  if (body === '') return null;
  const quote = thread.quote.trim();
  return {
    id: entryIds.thread(thread.id),
    type: 'thread',
    documentId: doc.id,
    threadId: thread.id,
    workshopId: null,
    workingGroupId: doc.workingGroupId,
    title: quote === '' ? doc.title : quote.slice(0, THREAD_TITLE_CHARS),
    body,
    thematicPriorities: [thread.priority],
    kind: doc.kind,
    countries: doc.countries,
    status: thread.status,
    language: doc.language,
    updatedAt: thread.lastActivityAt,
  };
}

/**
 * A decision recorded in a workshop, titled with the workshop; actions are not decisions. It
 * opens the workshop, and belongs to no document: reindexing or archiving the notes document
 * must not take the group's decisions out of the index with it.
 */
export function decisionEntry(workshop: Workshop, outcome: WorkshopOutcome): SearchEntry | null {
  if (outcome.kind !== 'decision' || outcome.text.trim() === '') return null;
  return {
    id: entryIds.decision(outcome.id),
    type: 'decision',
    documentId: null,
    threadId: null,
    workshopId: workshop.id,
    workingGroupId: workshop.workingGroupId,
    title: workshop.title,
    body: outcome.text,
    thematicPriorities: [],
    kind: null,
    countries: [],
    status: workshop.status,
    language: workshop.language,
    updatedAt: outcome.createdAt,
  };
}
