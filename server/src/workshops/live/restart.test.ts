import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { WORKSHOP_CLIENT_EVENTS as C, type PollView, type WorkshopView } from '@polisee/contracts';
import { afterAll, describe, expect, it } from 'vitest';
import type { Store } from '../../store/ports.js';
import {
  freePort,
  killHard,
  openChildStore,
  removeChildData,
  startChildServer,
} from '../../testing/childServer.js';
import { buildPoll } from '../../testing/workshopFactories.js';
import { readDemoWorkspace, signedIn, workshopRequest } from '../../testing/workshopRequests.js';
import {
  connectWorkshopSocket,
  joinWorkshop,
  type WorkshopSocket,
} from '../../testing/workshopSockets.js';
import { timeLeftMs } from './timer.js';

/**
 * The live state survives a crash of the server process (SIGKILL, same SQLite file): the timer
 * counts on as if nothing happened, open polls keep their time limits (an overdue one is closed
 * on start), and stays the crash left open are closed.
 */
const dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-workshop-restart-'));
let child: ChildProcess | undefined;
const sockets: WorkshopSocket[] = [];
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  if (child) await killHard(child);
  await removeChildData(dataDir);
});

async function withStore<T>(use: (store: Store) => Promise<T>): Promise<T> {
  const store = await openChildStore(dataDir);
  try {
    return await use(store);
  } finally {
    await store.close();
  }
}

describe('a server restart', () => {
  it('keeps the timer, the polls and their limits, and closes stays left open', async () => {
    const port = await freePort();
    const baseUrl = `http://127.0.0.1:${port}`;
    child = await startChildServer(dataDir, port);
    const lead = await signedIn(baseUrl, 'lead@polisee.test');
    const demo = await readDemoWorkspace(await signedIn(baseUrl, 'admin@polisee.test'));
    const workshopId = (await lead.post('/api/workshops', workshopRequest(demo.strategyId))).body
      .id as string;
    const before = await connectWorkshopSocket(baseUrl, lead);
    sockets.push(before);
    await joinWorkshop(before, workshopId);
    const control = (s: WorkshopSocket, command: unknown) =>
      s.ask(C.control, { workshopId, command });
    expect(await control(before, { type: 'goLive' })).toEqual({ ok: true });
    expect(await control(before, { type: 'timerStart', minutes: 10 })).toEqual({ ok: true });
    const opened = await before.ask<{ poll: PollView }>(C.openPoll, {
      workshopId,
      question: 'Which first?',
      kind: 'single',
      options: ['Skills', 'Green'],
      minutes: 30,
    });
    expect(opened.ok).toBe(true);
    const timerBefore = (await lead.get(`/api/workshops/${workshopId}`)).body
      .timer as WorkshopView['timer'];
    expect(timerBefore.runningSince).not.toBeNull();

    await killHard(child);
    // While it is down: a poll whose limit passes during the outage.
    const overdue = buildPoll({
      workshopId,
      openedBy: demo.userIds['lead@polisee.test']!,
      closesAt: new Date(Date.now() - 1000).toISOString(),
    });
    await withStore(async (store) => {
      await store.workshops.createPoll(overdue);
      const stays = await store.workshops.listAttendance(workshopId);
      expect(stays.some((s) => s.leftAt === null)).toBe(true);
    });

    child = await startChildServer(dataDir, port);
    const after = await connectWorkshopSocket(baseUrl, lead);
    sockets.push(after);
    const joined = await joinWorkshop(after, workshopId);
    const view = joined.workshop as unknown as WorkshopView;
    expect(view.status).toBe('live');
    // The same countdown: the same state, so the same time left at any instant.
    expect(view.timer).toEqual(timerBefore);
    const now = new Date();
    expect(timeLeftMs(view.timer, now)).toBe(timeLeftMs(timerBefore, now));
    expect(timeLeftMs(view.timer, now)).toBeLessThan(600_000);

    const polls = (await lead.get(`/api/workshops/${workshopId}/polls`)).body.items as PollView[];
    expect(polls.find((p) => p.id === overdue.id)?.status).toBe('closed');
    expect(polls.find((p) => p.id === overdue.id)?.results).not.toBeNull();
    const openedId = opened.ok ? opened.poll.id : null;
    expect(polls.find((p) => p.id === openedId)?.status).toBe('open');

    const stays = (await lead.get(`/api/workshops/${workshopId}/attendance`)).body.items as {
      leftAt: string | null;
    }[];
    // The stay the crash left open was closed on start; the new join opened one.
    expect(stays).toHaveLength(2);
    expect(stays[0]!.leftAt).not.toBeNull();
    expect(stays[1]!.leftAt).toBeNull();
  });
});
