import type { ThreadView } from '@polisee/contracts';
import type { QueryClient } from '@tanstack/react-query';
import { queryKeys } from '../api/queryKeys';

type ThreadList = { items: ThreadView[] };

/**
 * Writes a thread as the server now has it into the document's thread list: replaces it, or
 * adds it at the top. An event older than what the cache holds (by last activity and message
 * count) never overwrites it, so a late event cannot undo a newer reply.
 */
export function upsertDocumentThread(queryClient: QueryClient, thread: ThreadView) {
  queryClient.setQueryData<ThreadList>(queryKeys.threads.document(thread.documentId), (list) =>
    list ? { items: upsertThread(list.items, thread) } : list,
  );
}

export function upsertThread(items: ThreadView[], thread: ThreadView): ThreadView[] {
  const index = items.findIndex((t) => t.id === thread.id);
  if (index === -1) return [thread, ...items];
  const current = items[index]!;
  if (isOlder(thread, current)) return items;
  const next = items.slice();
  next[index] = thread;
  return next;
}

function isOlder(candidate: ThreadView, current: ThreadView): boolean {
  if (candidate.lastActivityAt !== current.lastActivityAt) {
    return candidate.lastActivityAt < current.lastActivityAt;
  }
  const edits = (t: ThreadView) =>
    t.messages.reduce(
      (n, m) => Math.max(n, Date.parse(m.deletedAt ?? m.editedAt ?? m.createdAt)),
      0,
    );
  return edits(candidate) < edits(current);
}
