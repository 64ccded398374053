import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { freePort, killHard, removeChildData, startChildServer } from '../testing/childServer.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import {
  allConverge,
  createPlan,
  startEditStorm,
  storedTextBecomes,
} from '../testing/editStorm.js';
import { startTestRedis, type TestRedis } from '../testing/redisServer.js';
import {
  count,
  figureLine,
  inviteEditors,
  pause,
  seconds,
  signInLead,
  size,
  STORM_PACE,
} from './harness.js';

/**
 * Cases 1 and 2 on three processes sharing documents through a real Redis (REDIS_URL): one
 * process at a time is SIGKILLed mid-storm and its clients move to the others (as a load
 * balancer would send them); Redis goes away mid-storm and comes back empty. Nothing typed may
 * be lost, every client converges, and presence of users who left while Redis was away is gone
 * from everyone within seconds (not after y-protocols' 30 s awareness timeout).
 */
const PROCESSES = 3;
let dataDir: string;
let redis: TestRedis | undefined;
const servers: { port: number; baseUrl: string; child: ChildProcess }[] = [];
let cookie: string;
let groupId: string;
/**
 * Clients are spread over several users: a SIGKILLed process never releases its connections'
 * slots in the shared per-user cap (COLLAB_LIMITS.maxConnectionsPerUser), which free themselves
 * only after SLOT_TTL_MS (a minute). One user moving 18 clients through 6 kills would reach the
 * cap with slots of the dead and be refused, by design.
 */
let cookies: string[];
const clients: CollabTestClient[] = [];

const startProcess = (port: number) => startChildServer(dataDir, port, { REDIS_URL: redis!.url });

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-rel-cluster-'));
  redis = await startTestRedis();
  // One after the other: the first seeds the empty store, the others find it seeded.
  for (let i = 0; i < PROCESSES; i++) {
    const port = await freePort();
    servers.push({ port, baseUrl: `http://127.0.0.1:${port}`, child: await startProcess(port) });
  }
  ({ cookie, groupId } = await signInLead(servers[0]!.baseUrl));
  cookies = [cookie, ...(await inviteEditors(servers[0]!.baseUrl, groupId, size(1, 5)))];
}, 180_000);

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await Promise.all(servers.map((s) => killHard(s.child)));
  await redis?.stop();
  if (dataDir) await removeChildData(dataDir);
});

/** `n` clients of a new plan, round-robin over the processes; `homes[i]` is client i's process. */
async function spread(title: string, n: number) {
  const documentId = await createPlan(servers[0]!.baseUrl, cookie, groupId, title);
  const homes = Array.from({ length: n }, (_, i) => i % PROCESSES);
  const mine = homes.map((home, i) =>
    connectCollab(servers[home]!.baseUrl, documentId, { cookie: cookies[i % cookies.length] }),
  );
  clients.push(...mine);
  await Promise.all(mine.map(synced));
  return { documentId, homes, mine };
}

const KILL_CLIENTS = size(6, 18);
const KILLS = size(1, 6);

it(`loses no token when ${KILLS} processes are SIGKILLed in turn under ${KILL_CLIENTS} clients`, async () => {
  const { documentId, homes, mine } = await spread(
    'Plan under SIGKILL, three processes',
    KILL_CLIENTS,
  );
  let current = mine;
  const storm = startEditStorm(() => current, 'p', STORM_PACE);
  for (let kill = 0; kill < KILLS; kill++) {
    await pause(700 + Math.random() * 700);
    // The busiest process: its clients are the ones a crash sends elsewhere.
    const load = servers.map((_, s) => homes.filter((h) => h === s).length);
    const victim = load.indexOf(Math.max(...load));
    await killHard(servers[victim]!.child);
    const others = servers.map((_, s) => s).filter((s) => s !== victim);
    let next = 0;
    current = current.map((c, i) => {
      if (homes[i] !== victim) return c;
      homes[i] = others[next++ % others.length]!;
      // The client keeps its document, with whatever the victim never relayed or stored.
      c.provider.destroy();
      const moved = connectCollab(servers[homes[i]]!.baseUrl, documentId, {
        cookie: cookies[i % cookies.length],
        doc: c.doc,
      });
      clients.push(moved);
      return moved;
    });
    servers[victim]!.child = await startProcess(servers[victim]!.port);
  }
  await pause(700);
  await storm.stop();
  const stoppedAt = Date.now();
  const text = await allConverge(current, storm.tokens, 'every client after the kills', 60_000);
  const convergedMs = Date.now() - stoppedAt;
  const stored = await storedTextBecomes(dataDir, documentId, () => text, 20_000);
  const lost = storm.tokens.filter((t) => !text.includes(t) || !stored.includes(t)).length;

  console.info(
    figureLine(
      `sigkill three processes + Redis: ${KILL_CLIENTS} clients × ${KILLS} kills, ` +
        `${count(storm.tokens.length)} tokens typed, ${lost} lost, converged in ${seconds(convergedMs)}`,
    ),
  );
  expect(storm.tokens.length).toBeGreaterThan(KILL_CLIENTS * KILLS * 10);
  expect(lost).toBe(0);
  expect(stored).toBe(text);
}, 600_000);

const RESTART_CLIENTS = size(6, 12);
const RESTARTS = size(1, 3);
/** Well under y-protocols' 30 s awareness timeout, which would remove them anyway. */
const PRESENCE_GONE_WITHIN_MS = 10_000;

it(`converges through ${RESTARTS} Redis restarts mid-storm and forgets who left meanwhile`, async () => {
  const { documentId, mine } = await spread('Plan through Redis restarts', RESTART_CLIENTS);
  // One onlooker per process: they only watch, and leave while Redis is away.
  const onlookers = servers.map((s) => connectCollab(s.baseUrl, documentId, { cookie }));
  clients.push(...onlookers);
  await Promise.all(onlookers.map(synced));
  // A state of clock 0 (the stock client's initial `{}`) is never shown to others: a cursor is.
  onlookers.forEach((o) =>
    o.provider.awareness.setLocalStateField('cursor', { anchor: 1, head: 1 }),
  );
  const departed = onlookers.map((o) => o.doc.clientID);
  const seen = (c: CollabTestClient) =>
    departed.filter((id) => c.provider.awareness.getStates().has(id));
  await waitFor(
    () => mine.every((c) => seen(c).length === departed.length),
    10_000,
    'every onlooker to be seen by every client',
  );

  const storm = startEditStorm(() => mine, 'r', STORM_PACE);
  let backAt = 0;
  for (let restart = 0; restart < RESTARTS; restart++) {
    await pause(700 + Math.random() * 700);
    await redis!.stop();
    if (restart === RESTARTS - 1) onlookers.forEach((o) => o.destroy());
    await pause(1000);
    await redis!.start();
    backAt = Date.now();
  }
  await waitFor(
    () => mine.every((c) => seen(c).length === 0),
    PRESENCE_GONE_WITHIN_MS,
    'the presence of those who left while Redis was away to vanish',
  );
  const goneMs = Date.now() - backAt;
  await pause(700);
  await storm.stop();
  const stoppedAt = Date.now();
  const text = await allConverge(mine, storm.tokens, 'every client after the restarts', 60_000);
  const convergedMs = Date.now() - stoppedAt;
  const stored = await storedTextBecomes(dataDir, documentId, () => text, 20_000);
  const lost = storm.tokens.filter((t) => !text.includes(t) || !stored.includes(t)).length;

  console.info(
    figureLine(
      `redis restart, three processes: ${RESTART_CLIENTS} clients × ${RESTARTS} restarts, ` +
        `${count(storm.tokens.length)} tokens typed, ${lost} lost, converged in ${seconds(convergedMs)}, ` +
        `${departed.length} departed users' presence gone ${seconds(goneMs)} after Redis was back`,
    ),
  );
  expect(storm.tokens.length).toBeGreaterThan(RESTART_CLIENTS * RESTARTS * 10);
  expect(lost).toBe(0);
  expect(stored).toBe(text);
}, 600_000);
