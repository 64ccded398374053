import { presenceIdentity } from '@polisee/domain';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { claimEarly, openEarly } from './earlySessions';

/** A socket that never opens: these tests are about who owns the session, not the wire. */
class SilentSocket {
  static readonly CONNECTING = 0;
  static readonly OPEN = 1;
  static readonly CLOSING = 2;
  static readonly CLOSED = 3;
  readonly readyState = SilentSocket.CONNECTING;
  binaryType = 'arraybuffer';
  onopen: (() => void) | null = null;
  onclose: (() => void) | null = null;
  onerror: (() => void) | null = null;
  onmessage: (() => void) | null = null;
  send() {}
  close() {}
}

const connection = {
  WebSocketPolyfill: SilentSocket as unknown as typeof WebSocket,
  persist: false,
  serverOrigin: 'ws://127.0.0.1:9',
  disableBc: true,
};
const lead = presenceIdentity({ id: 'u-lead', name: 'Lead' }, { name: 'Region of Thessaly' });

afterEach(() => {
  vi.useRealTimers();
});

describe('sessions opened before their page', () => {
  it('are handed over once, to the same user and document only', () => {
    openEarly('doc-1', lead, connection);
    expect(claimEarly('doc-1', 'someone-else')).toBeUndefined();
    expect(claimEarly('doc-2', 'u-lead')).toBeUndefined();
    const session = claimEarly('doc-1', 'u-lead');
    expect(session).toBeDefined();
    expect(session!.ydoc.isDestroyed).toBe(false);
    expect(claimEarly('doc-1', 'u-lead')).toBeUndefined();
    session!.destroy();
  });

  it('opens one session per user and document, however often the route asks', () => {
    openEarly('doc-3', lead, connection);
    const first = claimEarly('doc-3', 'u-lead');
    openEarly('doc-3', lead, connection);
    openEarly('doc-3', lead, connection);
    const second = claimEarly('doc-3', 'u-lead');
    expect(second).toBeDefined();
    expect(second).not.toBe(first);
    expect(claimEarly('doc-3', 'u-lead')).toBeUndefined();
    first!.destroy();
    second!.destroy();
  });

  it('closes a session nobody takes within 15 s', () => {
    vi.useFakeTimers();
    openEarly('doc-4', lead, connection);
    openEarly('doc-5', lead, connection);
    const taken = claimEarly('doc-5', 'u-lead')!;
    vi.advanceTimersByTime(15_000);
    expect(claimEarly('doc-4', 'u-lead')).toBeUndefined();
    // The one taken is the page's to close, not the timer's.
    expect(taken.ydoc.isDestroyed).toBe(false);
    taken.destroy();
  });
});
