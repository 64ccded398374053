import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort, killHard, removeChildData, startChildServer } from '../testing/childServer.js';
import {
  COLLAB_CLOSE,
  COLLAB_LIMITS,
  REALTIME_CONNECT_ERRORS,
  REALTIME_LIMITS,
} from '@polisee/contracts';
import { connectCollab, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { connectSocket, type TestSocket } from '../testing/socketClient.js';
import { startTestRedis, type TestRedis } from '../testing/redisServer.js';
import { TEST_PASSWORD } from '../testing/testServer.js';

/**
 * Two real server processes on one store and one real Redis (REDIS_URL): the abuse limits of
 * decision 0034 are counted once for both, so a guesser or a flooder gains nothing by being
 * spread over them by the balancer. With Redis gone the processes still answer, each counting
 * alone.
 */
const MESSAGES_PER_MINUTE = 6;
const LOCK_AFTER = 3;
let dataDir: string;
let redis: TestRedis;
const servers: { child: ChildProcess; baseUrl: string }[] = [];
let threadId: string;
let documentId: string;

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-shared-limits-'));
  redis = await startTestRedis();
  // One after the other: the first seeds the empty store, the second finds it seeded.
  for (let i = 0; i < 2; i++) {
    const port = await freePort();
    const child = await startChildServer(dataDir, port, {
      REDIS_URL: redis.url,
      LOGIN_LOCK_AFTER: String(LOCK_AFTER),
      LOGIN_LOCK_SECONDS: '120',
      MESSAGE_RATE_LIMIT: String(MESSAGES_PER_MINUTE),
    });
    servers.push({ child, baseUrl: `http://127.0.0.1:${port}` });
  }
  const lead = await signedIn(0, 'lead@polisee.test');
  const groupId = (await lead.get('/api/working-groups')).body.items.find(
    (g: { myRole: string }) => g.myRole === 'wg_lead',
  ).id;
  const doc = await lead.post('/api/documents', {
    title: 'Plan with shared limits',
    kind: 'joint_strategic_plan',
    workingGroupId: groupId,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  const thread = await lead.post(`/api/documents/${doc.body.id}/threads`, {
    priority: 'innovation',
    body: 'Who funds the pilot?',
  });
  expect(thread.status, thread.text).toBe(201);
  threadId = thread.body.id;
  documentId = doc.body.id;
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => killHard(s.child)));
  await redis?.stop();
  if (dataDir) await removeChildData(dataDir);
});

async function signedIn(server: number, email: string): Promise<TestClient> {
  const client = new TestClient(servers[server]!.baseUrl);
  await client.login(email, TEST_PASSWORD);
  return client;
}

function login(server: number, email: string, password: string) {
  return new TestClient(servers[server]!.baseUrl).post('/api/auth/login', { email, password });
}

/** Posts a reply as `client`, on the process the client was made for. */
function reply(client: TestClient, body: string) {
  return client.post(`/api/threads/${threadId}/messages`, { body });
}

// First: the abuse limits' last case stops Redis.
describe('connection caps shared by two processes through Redis', () => {
  it("cap a user's socket.io connections across both processes and free a place when one closes", async () => {
    const cap = REALTIME_LIMITS.maxConnectionsPerUser;
    // One person signed in on each process, as a balancer would spread their tabs.
    const sessions = [
      await signedIn(0, 'member@polisee.test'),
      await signedIn(1, 'member@polisee.test'),
    ];
    const open = (i: number) => connectSocket(servers[i]!.baseUrl, sessions[i]!.sessionCookie);
    const sockets: TestSocket[] = [];
    try {
      for (let i = 0; i < cap; i++) sockets.push(await open(i % 2));
      // Each process holds only half the cap: only the count of both refuses these.
      await expect(open(0)).rejects.toThrow(REALTIME_CONNECT_ERRORS.tooManyConnections);
      await expect(open(1)).rejects.toThrow(REALTIME_CONNECT_ERRORS.tooManyConnections);
      // Someone else is not affected.
      const lead = await signedIn(1, 'lead@polisee.test');
      sockets.push(await connectSocket(servers[1]!.baseUrl, lead.sessionCookie));

      // A socket closed on process 0 frees a place that process 1 may give.
      sockets.shift()!.disconnect();
      let again: TestSocket | null = null;
      for (let attempt = 0; attempt < 50 && !again; attempt++) {
        again = await open(1).catch(() => null);
        if (!again) await new Promise((r) => setTimeout(r, 100));
      }
      expect(again).not.toBeNull();
      sockets.push(again!);
    } finally {
      sockets.forEach((s) => s.disconnect());
    }
  });

  it("cap a user's collaboration connections across both processes", async () => {
    const cap = COLLAB_LIMITS.maxConnectionsPerUser;
    const sessions = [
      await signedIn(0, 'lead@polisee.test'),
      await signedIn(1, 'lead@polisee.test'),
    ];
    const open = (i: number) =>
      connectCollab(servers[i]!.baseUrl, documentId, { cookie: sessions[i]!.sessionCookie });
    const clients: CollabTestClient[] = [];
    try {
      for (let i = 0; i < cap; i++) clients.push(open(i % 2));
      await waitFor(() => clients.every((c) => c.provider.synced), 30_000, 'all synced');
      const over = open(1);
      clients.push(over);
      await waitFor(() => over.closeCodes.length > 0, 10_000, 'the refusal');
      expect(over.closeCodes[0]).toBe(COLLAB_CLOSE.rateLimited);
    } finally {
      clients.forEach((c) => c.destroy());
    }
  });
});

describe('abuse limits shared by two processes through Redis', () => {
  it('lock an account after failures spread over both processes, refusing the right password on either', async () => {
    // Alternating processes: neither sees LOCK_AFTER failures of its own.
    for (let i = 0; i < LOCK_AFTER; i++) {
      expect((await login(i % 2, 'admin@polisee.test', 'Summer2024!')).status).toBe(401);
    }
    for (const server of [0, 1]) {
      const res = await login(server, 'admin@polisee.test', TEST_PASSWORD);
      expect(res.status, res.text).toBe(429);
      expect(res.body.error.code).toBe('rate_limited');
    }
  });

  it("count one user's messages per minute over both processes together", async () => {
    const onA = await signedIn(0, 'member@polisee.test');
    const onB = await signedIn(1, 'member@polisee.test');
    const statuses: number[] = [];
    for (let i = 0; i <= MESSAGES_PER_MINUTE; i++) {
      statuses.push((await reply(i % 2 ? onB : onA, `Reply ${i}`)).status);
    }
    expect(statuses).toEqual([...Array<number>(MESSAGES_PER_MINUTE).fill(201), 429]);
    expect((await reply(onA, 'Still too soon')).status).toBe(429);
  });

  it('keep answering when Redis goes away, each process then counting on its own', async () => {
    const onA = await signedIn(0, 'lead@polisee.test');
    const onB = await signedIn(1, 'lead@polisee.test');
    await redis.stop();

    // Sign-in works, and so does its limit, on either process.
    for (const server of [0, 1]) {
      expect((await login(server, 'member@polisee.test', 'Summer2024!')).status).toBe(401);
      expect((await login(server, 'member@polisee.test', TEST_PASSWORD)).status).toBe(200);
    }
    // Writes are limited per process now: A's budget runs out, B has its own.
    for (let i = 0; i < MESSAGES_PER_MINUTE; i++) {
      const res = await reply(onA, `Offline reply ${i}`);
      expect(res.status, res.text).toBe(201);
    }
    expect((await reply(onA, 'One too many on A')).status).toBe(429);
    expect((await reply(onB, 'First on B')).status).toBe(201);

    for (const s of servers) {
      expect((await new TestClient(s.baseUrl).get('/api/health')).status).toBe(200);
      expect(s.child.exitCode).toBeNull();
      expect(s.child.signalCode).toBeNull();
    }
  });
});
