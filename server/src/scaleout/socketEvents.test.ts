import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { CLIENT_EVENTS } from '@polisee/contracts';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  disconnected,
  endedReasons,
  leadDocument,
  startThread,
  threadEvents,
} from '../security/socketHarness.js';
import { freePort, killHard, removeChildData, startChildServer } from '../testing/childServer.js';
import { waitFor } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestRedis, type TestRedis } from '../testing/redisServer.js';
import { connectSocket, type TestSocket } from '../testing/socketClient.js';
import { TEST_PASSWORD } from '../testing/testServer.js';

/**
 * socket.io events across two real server processes on one store and one real Redis: what
 * happens on process B reaches the clients connected to process A. A sign-out is told at once
 * (the `signed_out` reason): without it, A would only notice at its periodic recheck, and say
 * `expired`.
 */
let dataDir: string;
let redis: TestRedis;
const servers: { child: ChildProcess; baseUrl: string }[] = [];
const opened: TestSocket[] = [];
const [A, B] = [0, 1];

async function signIn(process: number, email: string): Promise<TestClient> {
  const client = new TestClient(servers[process]!.baseUrl);
  await client.login(email, TEST_PASSWORD);
  return client;
}

/** A socket.io connection to `process` on the session of `client` (signed in anywhere). */
async function socketOn(process: number, client: TestClient): Promise<TestSocket> {
  const socket = await connectSocket(servers[process]!.baseUrl, client.sessionCookie);
  opened.push(socket);
  return socket;
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-socket-events-'));
  redis = await startTestRedis();
  // One after the other: the first seeds the empty store, the second finds it seeded.
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const child = await startChildServer(dataDir, port, { REDIS_URL: redis.url });
    servers.push({ child, baseUrl: `http://127.0.0.1:${port}` });
  }
}, 120_000);
afterEach(() => opened.splice(0).forEach((s) => s.disconnect()));
afterAll(async () => {
  await Promise.all(servers.map((s) => killHard(s.child)));
  await redis?.stop();
  await removeChildData(dataDir);
});

describe('socket.io events across processes', () => {
  it('a comment posted on one process reaches the document’s subscribers on another', async () => {
    const lead = await signIn(B, 'lead@polisee.test');
    const { documentId } = await leadDocument(lead);
    const member = await signIn(A, 'member@polisee.test');
    const reader = await socketOn(A, member);
    expect(await reader.request(CLIENT_EVENTS.subscribeDocument, { documentId })).toEqual({
      ok: true,
    });

    const threadId = await startThread(lead, documentId, 'Posted on the other process');
    await waitFor(
      () => threadEvents(reader, threadId).length > 0,
      3000,
      'thread:changed on the other process',
    );
    expect(threadEvents(reader, threadId)).toHaveLength(1);
  });

  it('a sign-out on one process ends that session’s sockets on another at once, and only those', async () => {
    const member = await signIn(B, 'member@polisee.test');
    const otherDevice = await signIn(A, 'member@polisee.test');
    const leaving = await socketOn(A, member);
    const staying = await socketOn(A, otherDevice);

    expect((await member.post('/api/auth/logout')).status).toBe(204);
    // Well under the 3 s recheck, which would end it too but as `expired`.
    await disconnected(leaving, 1000);
    expect(endedReasons(leaving)).toEqual(['signed_out']);
    await staying.barrier();
    expect(staying.connected).toBe(true);
    expect(endedReasons(staying)).toEqual([]);
  });

  it('a password change on one process ends the user’s other sessions’ sockets on another', async () => {
    const here = await signIn(B, 'lead.financing@polisee.test');
    const elsewhere = await signIn(A, 'lead.financing@polisee.test');
    const elsewhereSocket = await socketOn(A, elsewhere);

    const changed = await here.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword: 'Quartz-lantern-orbit-1987!',
    });
    expect(changed.status).toBe(204);
    await disconnected(elsewhereSocket, 1000);
    expect(endedReasons(elsewhereSocket)).toEqual(['password_changed']);
    // The session that changed it goes on, on either process.
    const fresh = await socketOn(A, here);
    expect(await fresh.request(CLIENT_EVENTS.subscribePriority, { priority: 'financing' })).toEqual(
      { ok: true },
    );
  });

  it('a removal from the group on one process takes the member’s socket on another out of its rooms', async () => {
    const admin = await signIn(B, 'admin@polisee.test');
    const lead = await signIn(B, 'lead@polisee.test');
    const { documentId, workingGroupId } = await leadDocument(lead);
    const member = await signIn(A, 'member@polisee.test');
    const memberId = (await member.get('/api/auth/me')).body.user.id as string;
    const socket = await socketOn(A, member);
    const witness = await socketOn(A, lead);
    for (const s of [socket, witness]) {
      expect(await s.request(CLIENT_EVENTS.subscribeDocument, { documentId })).toEqual({
        ok: true,
      });
    }

    const membership = `/api/working-groups/${workingGroupId}/members/${memberId}`;
    expect((await admin.delete(membership)).status).toBe(204);
    // At once, not at A's next recheck (every 3 s), which would let this thread through.
    const afterRemoval = await startThread(lead, documentId, 'No longer readable');
    await waitFor(() => threadEvents(witness, afterRemoval).length > 0, 3000, 'witness thread');
    await socket.barrier();
    expect(threadEvents(socket, afterRemoval)).toEqual([]);
    expect(socket.connected).toBe(true);
  });
});
