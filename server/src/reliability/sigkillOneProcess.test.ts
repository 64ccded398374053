import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, expect, it } from 'vitest';
import { freePort, killHard, removeChildData, startChildServer } from '../testing/childServer.js';
import { connectCollab, synced, type CollabTestClient } from '../testing/collabClient.js';
import {
  allConverge,
  createPlan,
  startEditStorm,
  storedTextBecomes,
} from '../testing/editStorm.js';
import { count, figureLine, pause, seconds, signInLead, size, STORM_PACE } from './harness.js';

/**
 * Case 1, one process: the server is SIGKILLed and restarted K times while N clients type;
 * they reconnect to the new process, and no token typed is missing from them or from storage.
 */
const CLIENTS = size(5, 20);
const KILLS = size(1, 5);

let dataDir: string;
let child: ChildProcess | undefined;
const clients: CollabTestClient[] = [];

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  if (child) await killHard(child);
  if (dataDir) await removeChildData(dataDir);
});

it(`loses no token when one process is SIGKILLed ${KILLS}× under ${CLIENTS} typing clients`, async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-rel-kill-'));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  child = await startChildServer(dataDir, port);
  const { cookie, groupId } = await signInLead(baseUrl);
  const documentId = await createPlan(baseUrl, cookie, groupId, 'Plan under SIGKILL');
  for (let i = 0; i < CLIENTS; i++) clients.push(connectCollab(baseUrl, documentId, { cookie }));
  await Promise.all(clients.map(synced));

  const storm = startEditStorm(() => clients, 'k', STORM_PACE);
  for (let kill = 0; kill < KILLS; kill++) {
    await pause(500 + Math.random() * 1000);
    await killHard(child);
    await pause(100 + Math.random() * 200);
    // Same port: the clients' providers reconnect to the new process on their own.
    child = await startChildServer(dataDir, port);
  }
  await pause(500);
  await storm.stop();
  const stoppedAt = Date.now();
  const text = await allConverge(clients, storm.tokens, 'every client after the kills', 60_000);
  const convergedMs = Date.now() - stoppedAt;
  const stored = await storedTextBecomes(dataDir, documentId, () => text, 20_000);
  const lost = storm.tokens.filter((t) => !text.includes(t) || !stored.includes(t)).length;

  console.info(
    figureLine(
      `sigkill one process: ${CLIENTS} clients × ${KILLS} kills, ${count(storm.tokens.length)} tokens typed, ` +
        `${lost} lost, converged in ${seconds(convergedMs)}`,
    ),
  );
  expect(storm.tokens.length).toBeGreaterThan(CLIENTS * KILLS * 10);
  expect(lost).toBe(0);
  expect(stored).toBe(text);
}, 600_000);
