import type { CollabCloseReason } from './closeReason';

/** The socket as the user should understand it. Retrying after a failure counts as offline. */
export type ConnectionState = 'connecting' | 'connected' | 'offline';

/** What the saving indicator shows; also its `data-state`, which browser tests wait on. */
export type CollabStatus =
  'connecting' | 'connected' | 'saving' | 'saved' | 'notSaved' | 'offline' | 'closed';

export interface CollabStatusInput {
  connection: ConnectionState;
  /** The provider has received the answer to its first step 1 on this connection. */
  synced: boolean;
  unsyncedCount: number;
  /** The server has confirmed at least one of this session's changes. */
  anyConfirmed: boolean;
  closeReason: CollabCloseReason | null;
  /** The server holds accepted changes in memory because its storage is failing or slow. */
  storageBehind: boolean;
}

export function deriveCollabStatus(input: CollabStatusInput): CollabStatus {
  if (input.closeReason) return 'closed';
  if (input.connection === 'offline') return 'offline';
  if (input.connection === 'connecting' || !input.synced) return 'connecting';
  // Never "saved" while the server cannot write: what it accepted is only in its memory.
  if (input.storageBehind) return 'notSaved';
  if (input.unsyncedCount > 0) return 'saving';
  return input.anyConfirmed ? 'saved' : 'connected';
}

/** The connection state after the provider reports a status (`connecting` is also each retry). */
export function nextConnectionState(
  current: ConnectionState,
  reported: 'connecting' | 'connected' | 'disconnected',
): ConnectionState {
  switch (reported) {
    case 'connected':
      return 'connected';
    case 'disconnected':
      return 'offline';
    case 'connecting':
      // A retry after a failure stays "offline" until it succeeds: the user is still offline.
      return current === 'offline' ? 'offline' : 'connecting';
  }
}
