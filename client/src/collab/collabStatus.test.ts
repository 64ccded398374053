import { COLLAB_CLOSE } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import { finalCloseReason } from './closeReason';
import { deriveCollabStatus, nextConnectionState, type CollabStatusInput } from './collabStatus';

const base: CollabStatusInput = {
  connection: 'connected',
  synced: true,
  unsyncedCount: 0,
  anyConfirmed: false,
  closeReason: null,
  storageBehind: false,
};

describe('deriveCollabStatus', () => {
  it('is "connected" after the handshake, before any change', () => {
    expect(deriveCollabStatus(base)).toBe('connected');
  });

  it('is "saving" while changes wait for confirmation, "saved" once all are confirmed', () => {
    expect(deriveCollabStatus({ ...base, unsyncedCount: 2 })).toBe('saving');
    expect(deriveCollabStatus({ ...base, anyConfirmed: true })).toBe('saved');
    expect(deriveCollabStatus({ ...base, unsyncedCount: 1, anyConfirmed: true })).toBe('saving');
  });

  it('is "notSaved" while the server says its storage is behind, never "saved"', () => {
    const behind = { ...base, storageBehind: true, anyConfirmed: true };
    expect(deriveCollabStatus(behind)).toBe('notSaved');
    expect(deriveCollabStatus({ ...behind, unsyncedCount: 2 })).toBe('notSaved');
    expect(deriveCollabStatus({ ...behind, connection: 'offline' })).toBe('offline');
  });

  it('is "connecting" until the socket is open and synced', () => {
    expect(deriveCollabStatus({ ...base, connection: 'connecting' })).toBe('connecting');
    expect(deriveCollabStatus({ ...base, synced: false, unsyncedCount: 3 })).toBe('connecting');
  });

  it('is "offline" whatever is pending, and "closed" after a final close', () => {
    expect(deriveCollabStatus({ ...base, connection: 'offline', unsyncedCount: 4 })).toBe(
      'offline',
    );
    expect(deriveCollabStatus({ ...base, connection: 'offline', closeReason: 'forbidden' })).toBe(
      'closed',
    );
  });
});

describe('nextConnectionState', () => {
  it('stays offline while retrying, until a connection succeeds', () => {
    expect(nextConnectionState('connecting', 'connecting')).toBe('connecting');
    expect(nextConnectionState('offline', 'connecting')).toBe('offline');
    expect(nextConnectionState('offline', 'connected')).toBe('connected');
    expect(nextConnectionState('connected', 'disconnected')).toBe('offline');
  });
});

describe('finalCloseReason', () => {
  it('names the final codes and lets the client retry after the others', () => {
    expect(finalCloseReason(COLLAB_CLOSE.unauthorized)).toBe('unauthorized');
    expect(finalCloseReason(COLLAB_CLOSE.forbidden)).toBe('forbidden');
    expect(finalCloseReason(COLLAB_CLOSE.notFound)).toBe('notFound');
    expect(finalCloseReason(COLLAB_CLOSE.schemaViolation)).toBe('rejected');
    expect(finalCloseReason(COLLAB_CLOSE.documentTooLarge)).toBe('tooLarge');
    expect(finalCloseReason(COLLAB_CLOSE.suggestionsOnly)).toBe('suggestionsOnly');
    for (const code of [
      COLLAB_CLOSE.rateLimited,
      COLLAB_CLOSE.malformed,
      COLLAB_CLOSE.tooLarge,
      COLLAB_CLOSE.serverError,
      COLLAB_CLOSE.goingAway,
      1006,
    ]) {
      expect(finalCloseReason(code)).toBeNull();
    }
  });
});
