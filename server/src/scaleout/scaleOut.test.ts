import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import * as Y from 'yjs';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  freePort,
  killHard,
  removeChildData,
  childServersInBrief,
  reportChildServers,
  startChildServer,
} from '../testing/childServer.js';
import {
  connectCollab,
  syncedWithin,
  waitFor,
  type CollabTestClient,
} from '../testing/collabClient.js';
import {
  allConverge,
  createPlan,
  randomTokenBoundary,
  startEditStorm,
  storedTextBecomes,
} from '../testing/editStorm.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestRedis, type TestRedis } from '../testing/redisServer.js';
import { TEST_PASSWORD } from '../testing/testServer.js';
import { insertTestText, testText } from '../testing/testText.js';

/**
 * Three real server processes on one store and one real Redis (REDIS_URL): clients spread over
 * them edit one document together and must end up with the same text, the text everyone typed,
 * which a cold load from storage equals, through a Redis restart, a killed process and a
 * stopped one. Presence crosses processes too, and leaves with its member.
 */
const PROCESSES = 3;
let dataDir: string;
let redis: TestRedis;
const servers: { child: ChildProcess; baseUrl: string }[] = [];
let cookie: string;
let memberCookie: string;
let memberName: string;
let groupId: string;

const newDocument = (title: string) => createPlan(servers[0]!.baseUrl, cookie, groupId, title);

/** Clients connected round-robin to the processes, synced. */
function spreadClients(documentId: string, count: number): Promise<CollabTestClient[]> {
  const connect = (i: number, doc?: Y.Doc) =>
    connectCollab(servers[i % PROCESSES]!.baseUrl, documentId, { cookie, doc });
  return syncedOrReconnected(
    Array.from({ length: count }, (_, i) => connect(i)),
    `${count} clients spread over the processes`,
    connect,
  );
}

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

/**
 * Every client's first sync. Four times in CI (on two cores shared with the browser tests) a
 * first sync never came, twice within 30 s; the cause is not found yet. Until it is, a client
 * still unsynced after 20 s says how it stands and connects once more, as a user reloading
 * would: what these tests check comes after the first sync. If that fails too, the error says
 * whether each process still answers HTTP, and its last warnings.
 */
async function syncedOrReconnected(
  clients: CollabTestClient[],
  setup: string,
  reconnect: (index: number, doc: Y.Doc) => CollabTestClient,
): Promise<CollabTestClient[]> {
  try {
    await Promise.all(clients.map(syncedWithin(20_000)));
    return clients;
  } catch {
    const again = clients.map((c, i) => {
      if (c.provider.synced) return c;
      console.warn(
        `scale-out ${setup}: client ${i} not synced after 20 s: connected ` +
          `${c.provider.wsconnected}, close codes [${c.closeCodes.join(', ')}]; reconnecting it`,
      );
      c.provider.destroy();
      return reconnect(i, c.doc);
    });
    reportChildServers(`scale-out ${setup}: a first sync took over 20 s`);
    try {
      await Promise.all(again.map(syncedWithin(30_000)));
    } catch (err) {
      const states = again.map(
        (c, i) =>
          `client ${i}: synced ${c.provider.synced}, connected ${c.provider.wsconnected}, ` +
          `close codes [${c.closeCodes.join(', ')}]`,
      );
      throw new Error(
        `${(err as Error).message} (${setup}, after one reconnect)\n` +
          `${states.join('\n')}\n${await answersHttp()}\n${childServersInBrief()}`,
      );
    }
    return again;
  }
}

/** Whether each process answers its health check within 2 s: busy or stuck, or refusing. */
async function answersHttp(): Promise<string> {
  const answers = await Promise.all(
    servers.map(({ baseUrl }) =>
      fetch(`${baseUrl}/api/health`, { signal: AbortSignal.timeout(2000) }).then(
        (res) => `${baseUrl}: health ${res.status}`,
        (err: Error) => `${baseUrl}: no health answer (${err.name})`,
      ),
    ),
  );
  return answers.join('\n');
}

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-scaleout-'));
  redis = await startTestRedis();
  // One after the other: the first seeds the empty store, the others find it seeded.
  for (let i = 0; i < PROCESSES; i++) {
    const port = await freePort();
    const child = await startChildServer(dataDir, port, { REDIS_URL: redis.url });
    servers.push({ child, baseUrl: `http://127.0.0.1:${port}` });
  }
  const lead = new TestClient(servers[0]!.baseUrl);
  await lead.login('lead@polisee.test', TEST_PASSWORD);
  cookie = lead.sessionCookie!;
  groupId = (await lead.get('/api/working-groups')).body.items.find(
    (g: { myRole: string }) => g.myRole === 'wg_lead',
  ).id;
  // Signed in on another process: sessions are in the shared store.
  const member = new TestClient(servers[1]!.baseUrl);
  await member.login('member@polisee.test', TEST_PASSWORD);
  memberCookie = member.sessionCookie!;
  memberName = (await member.get('/api/auth/me')).body.user.name;
}, 120_000);

beforeEach(({ onTestFailed }) => {
  onTestFailed(({ task }) => reportChildServers(`scale-out test failed: ${task.name}`));
});

afterAll(async () => {
  await Promise.all(servers.map((s) => killHard(s.child)));
  await redis?.stop();
  await removeChildData(dataDir);
});

describe('several processes serving one document through Redis', () => {
  it('clients spread over three processes converge on every token typed, and storage holds it all', async () => {
    const documentId = await newDocument('Plan edited across processes');
    const clients = await spreadClients(documentId, 9);
    const storm = startEditStorm(() => clients, 'c');
    await pause(1000);
    await storm.stop();

    const text = await allConverge(clients, storm.tokens, 'every client on every process');
    expect(text.length).toBe(storm.tokens.join('').length);
    // Durable: every process writes what it has.
    expect(await storedTextBecomes(dataDir, documentId, () => text)).toBe(text);
    clients.forEach((c) => c.destroy());
  }, 60_000);

  it('loses nothing when Redis restarts (empty) in the middle of an edit storm', async () => {
    const documentId = await newDocument('Plan edited through a Redis restart');
    const clients = await spreadClients(documentId, 6);
    const storm = startEditStorm(() => clients, 'r');
    await pause(500);
    await redis.restart();
    await pause(1000);
    await storm.stop();

    const text = await allConverge(clients, storm.tokens, 'every client after the restart');
    expect(storm.tokens.length).toBeGreaterThan(100);
    expect(await storedTextBecomes(dataDir, documentId, () => text)).toBe(text);
    clients.forEach((c) => c.destroy());
  }, 60_000);

  it('loses no token when a process is SIGKILLed mid-storm and its clients move to another', async () => {
    const documentId = await newDocument('Plan edited through a crash');
    // A process of this test's own, so the others stay up for the rest of the suite.
    const port = await freePort();
    const victim = await startChildServer(dataDir, port, { REDIS_URL: redis.url });
    const victimUrl = `http://127.0.0.1:${port}`;
    const urlOf = (i: number) => (i < 3 ? victimUrl : servers[0]!.baseUrl);
    let clients = Array.from({ length: 6 }, (_, i) =>
      connectCollab(urlOf(i), documentId, { cookie }),
    );
    clients = await syncedOrReconnected(clients, 'SIGKILL setup', (i, doc) =>
      connectCollab(urlOf(i), documentId, { cookie, doc }),
    );
    const storm = startEditStorm(() => clients, 'k');
    await pause(700);
    await killHard(victim);
    // As a load balancer would: the victim's clients connect to a live process, keeping their
    // documents (with whatever the victim never acknowledged) and typing on.
    clients = clients.map((c, i) => {
      if (i >= 3) return c;
      c.provider.destroy();
      return connectCollab(servers[1]!.baseUrl, documentId, { cookie, doc: c.doc });
    });
    await pause(700);
    await storm.stop();

    const text = await allConverge(clients, storm.tokens, 'every client after the crash');
    expect(storm.tokens.length).toBeGreaterThan(100);
    expect(await storedTextBecomes(dataDir, documentId, () => text)).toBe(text);
    clients.forEach((c) => c.destroy());
  }, 120_000);

  it('a process stopped for 10 s catches up from the stream when it resumes', async () => {
    const documentId = await newDocument('Plan edited while a process sleeps');
    const clients = await spreadClients(documentId, 6);
    const sleeper = servers[2]!.child;
    sleeper.kill('SIGSTOP');
    const tokens: string[] = [];
    try {
      // The clients of the running processes type while the third sleeps for 10 s.
      const asleepSince = Date.now();
      for (let n = 0; Date.now() - asleepSince < 10_000; n++) {
        const i = n % clients.length;
        if (i % PROCESSES === 2) continue;
        const token = `<s${i}t${n}>`;
        insertTestText(clients[i]!.doc, randomTokenBoundary(testText(clients[i]!.doc)), token);
        tokens.push(token);
        await pause(250);
      }
    } finally {
      sleeper.kill('SIGCONT');
    }
    await allConverge(clients, tokens, 'the sleeping process to catch up');
    clients.forEach((c) => c.destroy());
  }, 60_000);

  it('skips a malformed stream entry and keeps relaying what follows it', async () => {
    const documentId = await newDocument('Plan with a corrupt stream entry');
    const clients = await spreadClients(documentId, 3);
    // Written straight into the document's stream in one go, as a corrupt or foreign writer
    // would: an entry whose update is garbage, one with fields missing, then a real change
    // (read in the same batch as the bad ones).
    const copy = new Y.Doc();
    Y.applyUpdate(copy, Y.encodeStateAsUpdate(clients[0]!.doc));
    const before = Y.encodeStateVector(copy);
    insertTestText(copy, 0, '<after-the-corrupt-entries>');
    const change = Buffer.from(Y.encodeStateAsUpdate(copy, before));
    const redisClient = new Redis(redis.url);
    const key = `polisee:doc:{${documentId}}`;
    await redisClient
      .multi()
      .xadd(key, '*', 'p', 'elsewhere', 'k', 'u', 'd', Buffer.from([0xff, 0x01, 0x02]))
      .xadd(key, '*', 'p', 'elsewhere')
      .xadd(key, '*', 'p', 'elsewhere', 'k', 'u', 'd', change)
      .exec();
    redisClient.disconnect();
    await waitFor(
      () => clients.every((c) => c.text().includes('<after-the-corrupt-entries>')),
      10_000,
      'the change after the corrupt entries to reach every client',
    );

    // And the processes keep relaying their clients' edits.
    const storm = startEditStorm(() => clients, 'm');
    await pause(500);
    await storm.stop();
    await allConverge(clients, storm.tokens, 'every client after the malformed entries');
    clients.forEach((c) => c.destroy());
  }, 60_000);

  it('shows a member on one process to the members of the others, and forgets them when they leave', async () => {
    const documentId = await newDocument('Presence across processes');
    const connect = (i: number, doc?: Y.Doc) =>
      i === 0
        ? connectCollab(servers[0]!.baseUrl, documentId, { cookie, doc })
        : connectCollab(servers[2]!.baseUrl, documentId, { cookie: memberCookie, doc });
    const [watcher, visitor] = (await syncedOrReconnected(
      [connect(0), connect(1)],
      'presence setup',
      connect,
    )) as [CollabTestClient, CollabTestClient];
    visitor.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });

    // Seen with the name the server stamped from the visitor's session, and their cursor.
    const visitorSeen = () =>
      [...watcher.provider.awareness.getStates().values()].some((state) => {
        const { user, cursor } = state as { user?: { name?: string }; cursor?: unknown };
        return user?.name === memberName && cursor !== undefined;
      });
    await waitFor(visitorSeen, 10_000, 'the visitor on another process to be seen');

    visitor.destroy();
    await waitFor(() => !visitorSeen(), 10_000, 'the departed visitor to vanish');
    watcher.destroy();
  }, 30_000);
});
