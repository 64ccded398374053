import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WORKSHOP_CLIENT_EVENTS as C } from '@polisee/contracts';
import { afterAll, expect, it } from 'vitest';
import {
  freePort,
  killHard,
  removeChildData,
  startChildServer,
  stopGracefully,
} from '../testing/childServer.js';
import { startTestRedis, type TestRedis } from '../testing/redisServer.js';
import { readDemoWorkspace, signedIn, workshopRequest } from '../testing/workshopRequests.js';
import {
  connectWorkshopSocket,
  joinWorkshop,
  type WorkshopSocket,
} from '../testing/workshopSockets.js';
import { HOST_TTL_MS } from './redisLiveWorkshopHosts.js';

/**
 * Two processes through one Redis (decision 0079): a process that starts, or shuts down, closes
 * the stays of live workshops only where no other running process has participants; once the
 * process serving them is killed, its announcement lapses and the next start closes them.
 */
let dataDir: string;
let redis: TestRedis;
const children = new Set<ChildProcess>();
const sockets: WorkshopSocket[] = [];

const pause = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function start(port: number): Promise<ChildProcess> {
  const child = await startChildServer(dataDir, port, { REDIS_URL: redis.url });
  children.add(child);
  return child;
}

afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await Promise.all([...children].map(killHard));
  await redis?.stop();
  if (dataDir) await removeChildData(dataDir);
});

it('leaves the stays of a workshop served by another running process open, and closes them once it is gone', async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-workshop-stays-'));
  redis = await startTestRedis();
  const [portA, portB] = [await freePort(), await freePort()];
  const a = await start(portA);
  const urlA = `http://127.0.0.1:${portA}`;
  let b = await start(portB);
  const lead = await signedIn(urlA, 'lead@polisee.test');
  const demo = await readDemoWorkspace(await signedIn(urlA, 'admin@polisee.test'));
  const workshopId = (await lead.post('/api/workshops', workshopRequest(demo.strategyId))).body
    .id as string;
  const socket = await connectWorkshopSocket(urlA, lead);
  sockets.push(socket);
  await joinWorkshop(socket, workshopId);
  expect(await socket.ask(C.control, { workshopId, command: { type: 'goLive' } })).toEqual({
    ok: true,
  });
  const stays = async () =>
    (await lead.get(`/api/workshops/${workshopId}/attendance`)).body.items as {
      leftAt: string | null;
    }[];
  for (let i = 0; i < 50 && (await stays()).length === 0; i++) await pause(100);
  expect((await stays()).map((s) => s.leftAt)).toEqual([null]);
  // A announces its workshop within its renewal interval.
  await pause(2500);

  // B restarts (a rolling deploy): neither its shutdown nor its start touches A's stay.
  expect(await stopGracefully(b)).toBe(0);
  children.delete(b);
  b = await start(portB);
  expect((await stays()).map((s) => s.leftAt)).toEqual([null]);

  // A is killed: once its announcement lapses, the next start closes the stay it left open.
  socket.disconnect();
  await killHard(a);
  children.delete(a);
  await pause(HOST_TTL_MS + 500);
  expect(await stopGracefully(b)).toBe(0);
  children.delete(b);
  b = await start(portB);
  const leadOnB = await signedIn(`http://127.0.0.1:${portB}`, 'lead@polisee.test');
  const after = (await leadOnB.get(`/api/workshops/${workshopId}/attendance`)).body.items as {
    leftAt: string | null;
  }[];
  expect(after).toHaveLength(1);
  expect(after[0]!.leftAt).not.toBeNull();
}, 120_000);
