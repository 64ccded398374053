import { CLIENT_EVENTS, SERVER_EVENTS } from '@polisee/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/collabClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';
import {
  closeAll,
  disconnected,
  endedReasons,
  leadDocument,
  sessionIdOf,
  signIn,
  startThread,
  threadEvents,
} from './socketHarness.js';

/**
 * Sessions end everywhere (security issue 11, finding 4): when a session ends, its socket.io
 * connections end with it, told why, and nothing more reaches them. Each test uses its own demo
 * user, since ending sessions is what they do.
 */
let server: TestServer;
let documentId: string;

beforeAll(async () => {
  server = await startTestServer();
  const lead = await signIn(server, 'lead@polisee.test');
  ({ documentId } = await leadDocument(lead.client));
});
afterEach(closeAll);
afterAll(() => server.close());

/** Recheck is every 3 s; the margin is for a test machine shared with other suites. */
const RECHECK_WAIT_MS = 8000;

describe('socket.io sessions end with the session', () => {
  it('sign-out disconnects that session’s sockets at once; no thread or notification reaches them after', async () => {
    const lead = await signIn(server, 'lead@polisee.test');
    const member = await signIn(server, 'member@polisee.test');
    const otherDevice = await signIn(server, 'member@polisee.test');
    const leaving = await member.socket();
    const staying = await otherDevice.socket();
    for (const s of [leaving, staying]) {
      expect(await s.request(CLIENT_EVENTS.subscribeDocument, { documentId })).toEqual({
        ok: true,
      });
      expect(await s.request(CLIENT_EVENTS.subscribePriority, { priority: 'financing' })).toEqual({
        ok: true,
      });
    }

    expect((await member.client.post('/api/auth/logout')).status).toBe(204);
    await disconnected(leaving, 1000);
    expect(endedReasons(leaving)).toEqual(['signed_out']);
    const seenBefore = leaving.received.length;

    const threadId = await startThread(lead.client, documentId, 'After sign-out', [member.userId]);
    // The member's other session still gets both, so they were sent.
    await waitFor(
      () => threadEvents(staying, threadId).length > 0,
      3000,
      'thread on the other device',
    );
    await waitFor(
      () => staying.received.some((r) => r.event === SERVER_EVENTS.notificationAdded),
      3000,
      'notification on the other device',
    );
    expect(staying.connected).toBe(true);
    expect(leaving.received.slice(seenBefore)).toEqual([]);
  });

  it('a password change disconnects the sockets of the user’s other sessions', async () => {
    const here = await signIn(server, 'lead.financing@polisee.test');
    const elsewhere = await signIn(server, 'lead.financing@polisee.test');
    const elsewhereSocket = await elsewhere.socket();
    expect(
      await elsewhereSocket.request(CLIENT_EVENTS.subscribePriority, { priority: 'financing' }),
    ).toEqual({
      ok: true,
    });

    const changed = await here.client.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Quartz-lantern-orbit-1987!',
    });
    expect(changed.status).toBe(204);
    await disconnected(elsewhereSocket, 1000);
    expect(endedReasons(elsewhereSocket)).toEqual(['password_changed']);
    expect((await elsewhere.client.get('/api/auth/me')).status).toBe(401);
    // The session that changed it goes on under its new id, sockets included.
    const fresh = await here.socket();
    expect(await fresh.request(CLIENT_EVENTS.subscribePriority, { priority: 'financing' })).toEqual(
      {
        ok: true,
      },
    );
  });

  it('a request that arrives after the session expired is refused, and the socket ends', async () => {
    const observer = await signIn(server, 'observer@polisee.test');
    const socket = await observer.socket();
    // Expired in the store, as two weeks without a request would leave it: no event is raised.
    await server.ctx.store.sessions.touch(
      sessionIdOf(observer.client.sessionCookie),
      Date.now() - 1000,
    );

    // The request is checked against the store itself; should the periodic recheck get there
    // first, the socket is already gone and the request is not served either.
    const answer = await Promise.race([
      socket.request(CLIENT_EVENTS.subscribeDocument, { documentId }),
      disconnected(socket, RECHECK_WAIT_MS).then(() => 'disconnected before answering'),
    ]);
    expect([
      { ok: false, error: 'unauthenticated' },
      'disconnected before answering',
    ]).toContainEqual(answer);
    await disconnected(socket, 1000);
    expect(endedReasons(socket)).toEqual(['expired']);
  });

  it('an idle socket on an expired session is disconnected by the periodic recheck', async () => {
    const sc = await signIn(server, 'sc@polisee.test');
    const socket = await sc.socket();
    await server.ctx.store.sessions.touch(sessionIdOf(sc.client.sessionCookie), Date.now() - 1000);
    await disconnected(socket, RECHECK_WAIT_MS);
    expect(endedReasons(socket)).toEqual(['expired']);
  });

  it('a user who may no longer sign in (removed from the workspace) is disconnected', async () => {
    const stc = await signIn(server, 'stc@polisee.test');
    const socket = await stc.socket();
    // What removal leaves in the store: no password, so no actor (see loadActor).
    await server.ctx.store.users.update(stc.userId, { passwordHash: null });
    await disconnected(socket, RECHECK_WAIT_MS);
    expect(endedReasons(socket)).toEqual(['access_removed']);
  });
});
