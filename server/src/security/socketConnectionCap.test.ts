import { REALTIME_CONNECT_ERRORS, REALTIME_LIMITS } from '@polisee/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { closeAll, pause, signIn } from './socketHarness.js';

/**
 * One user cannot hold more than `REALTIME_LIMITS.maxConnectionsPerUser` socket.io connections
 * (security issue 11, finding 4: one account opened 1,000). The cap is per user, across sessions.
 */
let server: TestServer;

beforeAll(async () => {
  server = await startTestServer();
});
afterEach(closeAll);
afterAll(() => server.close());

describe('socket.io connections per user', () => {
  it('refuses the handshake over the cap, even in a burst, and frees a place when one closes', async () => {
    const cap = REALTIME_LIMITS.maxConnectionsPerUser;
    const member = await signIn(server, 'member@polisee.test');
    const burst = await Promise.allSettled(Array.from({ length: cap + 8 }, () => member.socket()));
    const accepted = burst.flatMap((r) => (r.status === 'fulfilled' ? [r.value] : []));
    const refused = burst.flatMap((r) => (r.status === 'rejected' ? [r.reason as Error] : []));
    expect(accepted).toHaveLength(cap);
    expect(refused.map((e) => e.message)).toEqual(
      Array(8).fill(REALTIME_CONNECT_ERRORS.tooManyConnections),
    );

    // Per user, not per session: another sign-in of the same person is refused too.
    const elsewhere = await signIn(server, 'member@polisee.test');
    await expect(elsewhere.socket()).rejects.toThrow(REALTIME_CONNECT_ERRORS.tooManyConnections);
    // Other people are not affected.
    const lead = await signIn(server, 'lead@polisee.test');
    expect((await lead.socket()).connected).toBe(true);

    accepted[0]!.disconnect();
    let again: Error | null = null;
    for (let attempt = 0; attempt < 20; attempt++) {
      again = await elsewhere.socket().then(
        () => null,
        (err: Error) => err,
      );
      if (!again) break;
      await pause(100);
    }
    expect(again).toBeNull();
  });
});
