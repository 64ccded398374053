import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { decodeStoredState } from '../content/yjsContent.js';
import {
  freePort,
  killHard,
  openChildStore,
  removeChildData,
  startChildServer,
} from '../testing/childServer.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestRedis, type TestRedis } from '../testing/redisServer.js';
import { TEST_PASSWORD } from '../testing/testServer.js';
import { insertTestText, testText } from '../testing/testText.js';

/**
 * Three real server processes on one store and one real Redis (REDIS_URL): clients spread over
 * them edit one document together and must end up with the same text, the text everyone typed,
 * which a cold load from storage equals. Presence crosses processes too, and leaves with its
 * member.
 */
const PROCESSES = 3;
let dataDir: string;
let redis: TestRedis;
const servers: { child: ChildProcess; baseUrl: string }[] = [];
let cookie: string;
let memberCookie: string;
let groupId: string;

async function newDocument(title: string): Promise<string> {
  const c = new TestClient(servers[0]!.baseUrl);
  (c as unknown as { cookie: string }).cookie = cookie;
  const res = await c.post('/api/documents', {
    title,
    kind: 'joint_strategic_plan',
    workingGroupId: groupId,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  return res.body.id;
}

/** Anywhere between two tokens (not inside one, which would split it). */
function randomTokenBoundary(text: string): number {
  const boundaries = [0];
  for (let i = 0; i < text.length; i++) if (text[i] === '>') boundaries.push(i + 1);
  return boundaries[Math.floor(Math.random() * boundaries.length)]!;
}

async function coldLoad(documentId: string): Promise<Y.Doc> {
  const store = await openChildStore(dataDir);
  try {
    return decodeStoredState((await store.documentState.load(documentId))!);
  } finally {
    await store.close();
  }
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
}, 120_000);

afterAll(async () => {
  await Promise.all(servers.map((s) => killHard(s.child)));
  await redis?.stop();
  await removeChildData(dataDir);
});

describe('several processes serving one document through Redis', () => {
  it('clients spread over three processes converge on every token typed, and storage holds it all', async () => {
    const documentId = await newDocument('Plan edited across processes');
    const clients: CollabTestClient[] = Array.from({ length: 9 }, (_, i) =>
      connectCollab(servers[i % PROCESSES]!.baseUrl, documentId, { cookie }),
    );
    await Promise.all(clients.map(synced));

    const tokens: string[] = [];
    await Promise.all(
      clients.map(async (c, i) => {
        for (let n = 0; n < 20; n++) {
          const token = `<c${i}t${n}>`;
          insertTestText(c.doc, randomTokenBoundary(testText(c.doc)), token);
          tokens.push(token);
          await new Promise((r) => setTimeout(r, 5 + Math.random() * 15));
        }
      }),
    );

    const reference = () => testText(clients[0]!.doc);
    await waitFor(
      () =>
        clients.every((c) => c.text() === reference()) &&
        tokens.every((t) => reference().includes(t)),
      20_000,
      'every client on every process to converge',
    ).catch((err: unknown) => {
      const report = clients.map(
        (c, i) =>
          `client ${i} (process ${i % PROCESSES}): ${c.text().length} chars, missing ${tokens.filter((t) => !c.text().includes(t)).length}`,
      );
      throw new Error(`${String(err)}\n${report.join('\n')}`);
    });
    expect(reference().length).toBe(tokens.join('').length);

    // Durable: the store, read cold, has the same text (every process writes what it has; the
    // last writes land within the writers' flush window).
    let stored = '';
    for (let attempt = 0; attempt < 50 && stored !== reference(); attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 200));
      const doc = await coldLoad(documentId);
      stored = testText(doc);
      doc.destroy();
    }
    expect(stored).toBe(reference());
    clients.forEach((c) => c.destroy());
  }, 60_000);

  it('loses nothing when Redis restarts (empty) in the middle of an edit storm', async () => {
    const documentId = await newDocument('Plan edited through a Redis restart');
    const clients: CollabTestClient[] = Array.from({ length: 6 }, (_, i) =>
      connectCollab(servers[i % PROCESSES]!.baseUrl, documentId, { cookie }),
    );
    await Promise.all(clients.map(synced));
    const tokens: string[] = [];
    let typing = true;
    const storm = clients.map(async (c, i) => {
      for (let n = 0; typing; n++) {
        const token = `<r${i}t${n}>`;
        insertTestText(c.doc, randomTokenBoundary(testText(c.doc)), token);
        tokens.push(token);
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
      }
    });
    await new Promise((r) => setTimeout(r, 500));
    await redis.restart();
    await new Promise((r) => setTimeout(r, 1000));
    typing = false;
    await Promise.all(storm);

    const reference = () => testText(clients[0]!.doc);
    await waitFor(
      () =>
        clients.every((c) => c.text() === reference()) &&
        tokens.every((t) => reference().includes(t)),
      20_000,
      'every client to converge after the restart',
    ).catch((err: unknown) => {
      const report = clients.map(
        (c, i) =>
          `client ${i} (process ${i % PROCESSES}, connected ${c.provider.wsconnected}): ${c.text().length} chars, missing ${tokens.filter((t) => !c.text().includes(t)).length}`,
      );
      throw new Error(`${String(err)}\n${report.join('\n')}`);
    });
    expect(tokens.length).toBeGreaterThan(100);
    clients.forEach((c) => c.destroy());
  }, 60_000);

  it('loses no token when a process is SIGKILLed mid-storm and its clients move to another', async () => {
    const documentId = await newDocument('Plan edited through a crash');
    // A process of this test's own, so the others stay up for the rest of the suite.
    const port = await freePort();
    const victim = {
      child: await startChildServer(dataDir, port, { REDIS_URL: redis.url }),
      baseUrl: `http://127.0.0.1:${port}`,
    };
    let clients: CollabTestClient[] = Array.from({ length: 6 }, (_, i) =>
      connectCollab(i < 3 ? victim.baseUrl : servers[0]!.baseUrl, documentId, { cookie }),
    );
    await Promise.all(clients.map(synced));
    const tokens: string[] = [];
    let typing = true;
    const storm = clients.map(async (c, i) => {
      for (let n = 0; typing; n++) {
        const token = `<k${i}t${n}>`;
        insertTestText(c.doc, randomTokenBoundary(testText(c.doc)), token);
        tokens.push(token);
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
      }
    });
    await new Promise((r) => setTimeout(r, 700));
    await killHard(victim.child);
    // As a load balancer would: the victim's clients connect to a live process, keeping their
    // documents (with whatever the victim never acknowledged) and typing on.
    clients = clients.map((c, i) => {
      if (i >= 3) return c;
      c.provider.destroy();
      return connectCollab(servers[1]!.baseUrl, documentId, { cookie, doc: c.doc });
    });
    await new Promise((r) => setTimeout(r, 700));
    typing = false;
    await Promise.all(storm);

    const reference = () => testText(clients[3]!.doc);
    await waitFor(
      () =>
        clients.every((c) => c.provider.synced && c.text() === reference()) &&
        tokens.every((t) => reference().includes(t)),
      20_000,
      'every client to converge after the crash',
    );
    let stored = '';
    for (let attempt = 0; attempt < 50 && stored !== reference(); attempt++) {
      if (attempt > 0) await new Promise((r) => setTimeout(r, 200));
      const doc = await coldLoad(documentId);
      stored = testText(doc);
      doc.destroy();
    }
    expect(stored).toBe(reference());
    expect(tokens.length).toBeGreaterThan(100);
    clients.forEach((c) => c.destroy());
  }, 90_000);

  it('a process stopped for 10 s catches up from the stream when it resumes', async () => {
    const documentId = await newDocument('Plan edited while a process sleeps');
    const clients: CollabTestClient[] = Array.from({ length: 6 }, (_, i) =>
      connectCollab(servers[i % PROCESSES]!.baseUrl, documentId, { cookie }),
    );
    await Promise.all(clients.map(synced));
    const sleeper = servers[2]!.child;
    sleeper.kill('SIGSTOP');
    const tokens: string[] = [];
    try {
      // The clients of the running processes type while the third sleeps for 10 s.
      const asleepSince = Date.now();
      for (let n = 0; Date.now() - asleepSince < 10_000; n++) {
        const i = n % 6;
        if (i % PROCESSES === 2) continue;
        const token = `<s${i}t${n}>`;
        insertTestText(clients[i]!.doc, randomTokenBoundary(testText(clients[i]!.doc)), token);
        tokens.push(token);
        await new Promise((r) => setTimeout(r, 250));
      }
    } finally {
      sleeper.kill('SIGCONT');
    }
    const reference = () => testText(clients[0]!.doc);
    await waitFor(
      () =>
        clients.every((c) => c.text() === reference()) &&
        tokens.every((t) => reference().includes(t)),
      20_000,
      'the sleeping process to catch up',
    );
    clients.forEach((c) => c.destroy());
  }, 60_000);

  it('shows a member on one process to the members of the others, and forgets them when they leave', async () => {
    const documentId = await newDocument('Presence across processes');
    const watcher = connectCollab(servers[0]!.baseUrl, documentId, { cookie });
    const visitor = connectCollab(servers[2]!.baseUrl, documentId, { cookie: memberCookie });
    await Promise.all([synced(watcher), synced(visitor)]);
    visitor.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 });

    const visitorSeen = () =>
      [...watcher.provider.awareness.getStates().values()].some(
        (state) =>
          (state as { user?: { name?: string } }).user?.name !== undefined &&
          (state as { cursor?: unknown }).cursor !== undefined,
      );
    await waitFor(visitorSeen, 10_000, 'the visitor on another process to be seen');

    // The server stamps the name from the session: the watcher sees who it really is.
    const names = [...watcher.provider.awareness.getStates().values()].map(
      (state) => (state as { user?: { name?: string } }).user?.name,
    );
    expect(names.filter(Boolean).length).toBeGreaterThanOrEqual(1);

    visitor.destroy();
    await waitFor(() => !visitorSeen(), 10_000, 'the departed visitor to vanish');
    watcher.destroy();
  }, 30_000);
});
