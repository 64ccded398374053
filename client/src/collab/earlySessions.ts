import type { PresenceIdentity } from '@polisee/domain';
import { CollabSession, type CollabSessionOptions } from './CollabSession';

/**
 * Collaboration sessions opened before their page renders: the document route opens one as
 * soon as it knows the document and the user, so the device copy loads and the socket syncs
 * while the page's code and details are still on their way. The page's `useCollabSession`
 * then takes it over. A session nobody takes (the user went elsewhere first) is closed.
 */
const UNCLAIMED_MS = 15_000;

interface Parked {
  session: CollabSession;
  timer: ReturnType<typeof setTimeout>;
}

const parked = new Map<string, Parked>();
const keyOf = (userId: string, documentId: string) => `${userId}\n${documentId}`;

/** `connection`: tests only (a WebSocket stand-in, no device copy). */
export function openEarly(
  documentId: string,
  identity: PresenceIdentity,
  connection: Pick<
    CollabSessionOptions,
    'serverOrigin' | 'WebSocketPolyfill' | 'persist' | 'disableBc'
  > = {},
): void {
  const key = keyOf(identity.id, documentId);
  if (parked.has(key)) return;
  // Read-only until the page says otherwise: nothing is typed before the editor exists.
  const session = new CollabSession({ documentId, identity, readOnly: true, ...connection });
  const timer = setTimeout(() => {
    parked.delete(key);
    session.destroy();
  }, UNCLAIMED_MS);
  parked.set(key, { session, timer });
}

/** The early session for this user and document, handed over once; undefined if none. */
export function claimEarly(documentId: string, userId: string): CollabSession | undefined {
  const key = keyOf(userId, documentId);
  const entry = parked.get(key);
  if (!entry) return undefined;
  parked.delete(key);
  clearTimeout(entry.timer);
  return entry.session;
}
