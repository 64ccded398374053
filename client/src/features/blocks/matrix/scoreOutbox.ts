import type { AssessmentView } from '@polisee/contracts';
import { isApiError } from '../../../api/ApiError';
import { deleteScore, putScore } from '../../../api/assessments';
import {
  inOrder,
  parseQueue,
  withoutSent,
  withPending,
  type PendingQueue,
  type PendingScore,
} from './pendingScores';

/**
 * Scores are not in the Y.Doc (decision 0051), so they do not ride on its offline merge: a
 * score is written here first, on the device (localStorage, per user, document and matrix),
 * then sent. What the network refused stays until the next attempt (back online, socket
 * reconnected, page opened again); the server stores each cell's last value (an upsert).
 */
export interface OutboxKey {
  userId: string;
  documentId: string;
  matrixId: string;
}

/** A choice the server refused for good (e.g. the round was revealed meanwhile). */
export interface Refusal {
  entry: PendingScore;
  error: unknown;
}

const storageKey = (k: OutboxKey) =>
  `polisee:assessment-outbox:${k.userId}:${k.documentId}:${k.matrixId}`;

const listeners = new Map<string, Set<() => void>>();
/** The parsed queue per stored text, so that React sees the same object until it changes. */
const snapshots = new Map<string, { raw: string | null; queue: PendingQueue }>();
const inFlight = new Map<string, Promise<void>>();
const again = new Set<string>();

function storage(): Storage | null {
  try {
    return globalThis.localStorage ?? null;
  } catch {
    // Storage blocked by the browser's settings: the outbox lives for the page only.
    return null;
  }
}
const memory = new Map<string, string>();

function readRaw(key: string): string | null {
  const store = storage();
  return store ? store.getItem(key) : (memory.get(key) ?? null);
}

function writeRaw(key: string, queue: PendingQueue) {
  const raw = Object.keys(queue).length === 0 ? null : JSON.stringify(queue);
  const store = storage();
  if (raw === null) {
    if (store) store.removeItem(key);
    else memory.delete(key);
  } else if (store) store.setItem(key, raw);
  else memory.set(key, raw);
  notify(key);
}

function notify(key: string) {
  for (const listener of listeners.get(key) ?? []) listener();
}

export function readOutbox(k: OutboxKey): PendingQueue {
  const key = storageKey(k);
  const raw = readRaw(key);
  const cached = snapshots.get(key);
  if (cached && cached.raw === raw) return cached.queue;
  const queue = parseQueue(raw);
  snapshots.set(key, { raw, queue });
  return queue;
}

/** Calls back when this outbox changes, here or in another tab of the same browser. */
export function subscribeOutbox(k: OutboxKey, listener: () => void): () => void {
  const key = storageKey(k);
  const set = listeners.get(key) ?? new Set();
  listeners.set(key, set);
  set.add(listener);
  const onStorage = (event: StorageEvent) => {
    if (event.key === key) listener();
  };
  globalThis.addEventListener?.('storage', onStorage);
  return () => {
    set.delete(listener);
    globalThis.removeEventListener?.('storage', onStorage);
  };
}

export function enqueueScore(k: OutboxKey, entry: PendingScore) {
  writeRaw(storageKey(k), withPending(readOutbox(k), entry));
}

/**
 * Sends what is queued, oldest first, one request at a time per matrix (a second call while one
 * runs makes it run once more at the end). A network failure stops the run and keeps the rest;
 * a refusal (403, 409, 400) drops that choice and is reported: sending it again cannot succeed.
 */
export function flushOutbox(
  k: OutboxKey,
  handlers: { onStored: (view: AssessmentView) => void; onRefused: (refusal: Refusal) => void },
): Promise<void> {
  const key = storageKey(k);
  const running = inFlight.get(key);
  if (running) {
    again.add(key);
    return running;
  }
  const run = (async () => {
    do {
      again.delete(key);
      for (const entry of inOrder(readOutbox(k))) {
        try {
          const view =
            entry.score === null
              ? await deleteScore(k.documentId, k.matrixId, entry)
              : await putScore(k.documentId, k.matrixId, {
                  rowId: entry.rowId,
                  criterionId: entry.criterionId,
                  score: entry.score,
                  rationale: entry.rationale,
                });
          writeRaw(key, withoutSent(readOutbox(k), entry));
          handlers.onStored(view);
        } catch (error) {
          // Worth another try later: no answer, a server in trouble, too many requests.
          if (!isApiError(error) || error.code === 'network_error') return;
          if (error.code === 'rate_limited' || error.code === 'unauthenticated') return;
          if (error.status >= 500) return;
          writeRaw(key, withoutSent(readOutbox(k), entry));
          handlers.onRefused({ entry, error });
        }
      }
    } while (again.has(key));
  })().finally(() => inFlight.delete(key));
  inFlight.set(key, run);
  return run;
}
