import { z } from 'zod';

/**
 * The collaboration endpoint: `/collab/<documentId>`, speaking the y-websocket protocol
 * (y-protocols sync + awareness) so that the stock `y-websocket` client works unchanged.
 */
export const COLLAB_PATH = '/collab';

/** y-websocket message types (first varuint of every frame). */
export const COLLAB_MESSAGE = {
  sync: 0,
  awareness: 1,
  auth: 2,
  queryAwareness: 3,
} as const;

/**
 * Close codes. 4000–4999 are ours (application codes per RFC 6455); 1009 and 1011 are the
 * standard codes for "message too big" and "server error" that clients already understand.
 * A client must not reconnect after unauthorized, forbidden or not found.
 */
export const COLLAB_CLOSE = {
  unauthorized: 4401,
  forbidden: 4403,
  notFound: 4404,
  rateLimited: 4429,
  malformed: 4400,
  /** The update would leave the document unreadable by the editor schema; nothing was applied. */
  schemaViolation: 4422,
  /**
   * A suggest-only member sent a change that is not a suggestion of their own (decision 0063);
   * nothing was applied. The code of "locked": the text is locked to them but for suggestions.
   */
  suggestionsOnly: 4423,
  /** The document reached its size budget; updates that add content are refused. */
  documentTooLarge: 4413,
  tooLarge: 1009,
  serverError: 1011,
  goingAway: 1001,
} as const;
export type CollabCloseCode = (typeof COLLAB_CLOSE)[keyof typeof COLLAB_CLOSE];

/** Close codes after which reconnecting cannot help. */
export const COLLAB_FINAL_CLOSE_CODES: readonly number[] = [
  COLLAB_CLOSE.unauthorized,
  COLLAB_CLOSE.forbidden,
  COLLAB_CLOSE.notFound,
  // The same update would be refused again: the client keeps it on the device and says why.
  COLLAB_CLOSE.schemaViolation,
  COLLAB_CLOSE.suggestionsOnly,
  COLLAB_CLOSE.documentTooLarge,
];

/**
 * Limits, each with its reason. Exceeding one closes that connection with the named code.
 */
export const COLLAB_LIMITS = {
  /**
   * Largest websocket frame. A client that was offline for a long workshop sends its edits as one
   * sync-step-2 frame; 8 MiB holds hundreds of pages of typed text, and bounds memory per frame.
   */
  maxFrameBytes: 8 * 1024 * 1024,
  /** Largest single Yjs update inside a frame (same reasoning; a paste of a whole plan fits). */
  maxUpdateBytes: 8 * 1024 * 1024,
  /** Awareness carries a cursor and a name, not content: 16 KiB is generous and stops abuse. */
  maxAwarenessBytes: 16 * 1024,
  /**
   * Messages per second per connection, as a token bucket (burst = rate). Fast typing with cursor
   * moves is ~30/s; 200 leaves room for reconnect bursts and stops a flooding client.
   */
  maxMessagesPerSecond: 200,
  /** Open collaboration connections per signed-in user (tabs × documents); stops socket exhaustion. */
  maxConnectionsPerUser: 32,
  /**
   * Default size budget of one document's encoded Yjs state (DOC_MAX_BYTES overrides it). The
   * longest plan of the programme is well under 1 MiB; 16 MiB leaves room for years of history
   * while a single document can no longer take the server's memory.
   */
  maxDocumentBytes: 16 * 1024 * 1024,
} as const;

/**
 * The server's own awareness state in a document, present only while storage is behind: the
 * changes it accepted are held in memory and retried, and editors must not be told they are
 * saved. Clients' states always carry the `user` the server stamped on them, so a state without
 * `user` can only be the server's.
 */
export const ServerAwarenessStateSchema = z.object({ storage: z.literal('behind') });
export type ServerAwarenessState = z.infer<typeof ServerAwarenessStateSchema>;

/** Whether awareness `states` hold the server's "storage is behind" (see above). */
export function isStorageBehind(states: Iterable<Record<string, unknown> | null>): boolean {
  for (const state of states) {
    if (state && !('user' in state) && ServerAwarenessStateSchema.safeParse(state).success)
      return true;
  }
  return false;
}
