import { z } from 'zod';

/**
 * A score given on this device and not yet stored by the server: the scorer was offline, or the
 * request is on its way. `score: null` is a withdrawal. `at` is this device's clock when the
 * scorer chose it: it orders the choices of one person, never those of different people.
 */
export const PendingScoreSchema = z.object({
  rowId: z.string().min(1),
  criterionId: z.string().min(1),
  score: z.number().int().min(1).max(5).nullable(),
  rationale: z.string().nullable(),
  at: z.number(),
});
export type PendingScore = z.infer<typeof PendingScoreSchema>;

/** At most one pending choice per cell, keyed by `cellKey`. */
export const PendingQueueSchema = z.record(z.string(), PendingScoreSchema);
export type PendingQueue = z.infer<typeof PendingQueueSchema>;

export const cellKey = (cell: { rowId: string; criterionId: string }) =>
  `${cell.rowId}|${cell.criterionId}`;

/**
 * The merge rule: the last value per cell wins. A choice older than the one already queued
 * (another tab of the same person wrote later) is ignored; an equal stamp is a new click.
 */
export function withPending(queue: PendingQueue, entry: PendingScore): PendingQueue {
  const key = cellKey(entry);
  const current = queue[key];
  if (current && current.at > entry.at) return queue;
  return { ...queue, [key]: entry };
}

/**
 * After the server stored `sent`: the cell leaves the queue only if nothing newer was chosen
 * while the request was on its way, so a revision made meanwhile is sent next, never lost.
 */
export function withoutSent(queue: PendingQueue, sent: PendingScore): PendingQueue {
  const key = cellKey(sent);
  if (queue[key]?.at !== sent.at) return queue;
  const { [key]: _sent, ...rest } = queue;
  return rest;
}

/** Oldest first: the server sees the choices in the order they were made. */
export function inOrder(queue: PendingQueue): PendingScore[] {
  return Object.values(queue).sort((a, b) => a.at - b.at);
}

/** Reads a stored queue; anything unreadable (an old format, a hand edit) counts as empty. */
export function parseQueue(raw: string | null): PendingQueue {
  if (!raw) return {};
  try {
    const parsed = PendingQueueSchema.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
}
