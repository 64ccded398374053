import type { PresenceIdentity } from '@polisee/domain';
import { useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import type { WebsocketProvider } from 'y-websocket';
import type * as Y from 'yjs';
import type { CollabCloseReason } from './closeReason';
import { CollabSession, type CollabSnapshot } from './CollabSession';
import { deriveCollabStatus, type CollabStatus } from './collabStatus';
import { claimEarly } from './earlySessions';

export interface CollabSessionState {
  /** `null` until the session exists (the first effect), and again after it is torn down. */
  ydoc: Y.Doc | null;
  provider: WebsocketProvider | null;
  status: CollabStatus;
  unsyncedCount: number;
  /** The device copy is loaded: the editor can show the document without a flash of emptiness. */
  ready: boolean;
  closeReason: CollabCloseReason | null;
  /**
   * A new session from the shared text, after the server closed this one over a change it
   * refused (`suggestionsOnly`): the refused change stays out (see CollabSession).
   */
  reopen: () => void;
}

const INITIAL: CollabSnapshot = {
  connection: 'connecting',
  synced: false,
  localLoaded: false,
  unsyncedCount: 0,
  anyConfirmed: false,
  closeReason: null,
  storageBehind: false,
};
const noSubscription = () => () => {};
const initialSnapshot = () => INITIAL;

/**
 * Opens the document's collaboration session for as long as the component is mounted (or
 * until the document or user changes): Y.Doc, device copy, socket. Everything is destroyed
 * on unmount.
 */
export function useCollabSession(
  documentId: string,
  identity: PresenceIdentity,
  readOnly: boolean,
): CollabSessionState {
  const [session, setSession] = useState<CollabSession | null>(null);
  const [generation, setGeneration] = useState(0);
  const reopen = useCallback(() => setGeneration((g) => g + 1), []);
  const userId = identity.id;

  // The session is created in an effect, not during render: StrictMode and concurrent
  // rendering may render twice, but only effects are paired with a cleanup.
  useEffect(() => {
    // The route may have opened it already (see earlySessions); its identity and read-only
    // flag are brought up to date by the effects below.
    const created =
      claimEarly(documentId, userId) ?? new CollabSession({ documentId, identity, readOnly });
    setSession(created);
    return () => {
      created.destroy();
      setSession(null);
    };
    // Only the document, the user and `reopen` open a new session: a changed name or read-only
    // flag is applied to the live one below, without dropping the connection.
  }, [documentId, userId, generation]);

  useEffect(() => session?.setReadOnly(readOnly), [session, readOnly]);
  useEffect(() => session?.setIdentity(identity), [session, identity]);

  const snapshot = useSyncExternalStore(
    session?.subscribe ?? noSubscription,
    session?.getSnapshot ?? initialSnapshot,
  );

  return useMemo(
    () => ({
      ydoc: session?.ydoc ?? null,
      provider: session?.provider ?? null,
      status: deriveCollabStatus(snapshot),
      unsyncedCount: snapshot.unsyncedCount,
      ready: session !== null && snapshot.localLoaded,
      closeReason: snapshot.closeReason,
      reopen,
    }),
    [session, snapshot, reopen],
  );
}
