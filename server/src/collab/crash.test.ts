import { insertTestText, testText } from '../testing/testText.js';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { ChildProcess } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  freePort,
  killHard,
  removeChildData,
  startChildServer,
  stopGracefully,
} from '../testing/childServer.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { coldLoad, createPlan } from '../testing/editStorm.js';
import { TestClient } from '../testing/httpClient.js';
import { TEST_PASSWORD } from '../testing/testServer.js';

/** Crash safety against a real server process that is SIGKILLed: nobody may lose a word. */
let dataDir: string;
let port: number;
let baseUrl: string;
let child: ChildProcess;
let cookie: string;
let groupId: string;

const newDocument = () => createPlan(baseUrl, cookie, groupId, 'Crash plan');

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-crash-'));
  port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  child = await startChildServer(dataDir, port);
  const c = new TestClient(baseUrl);
  await c.login('lead@polisee.test', TEST_PASSWORD);
  cookie = c.sessionCookie!;
  groupId = (await c.get('/api/working-groups')).body.items.find(
    (g: { myRole: string }) => g.myRole === 'wg_lead',
  ).id;
});
afterAll(async () => {
  await killHard(child);
  await removeChildData(dataDir);
});

describe('crash safety', () => {
  it('loses no token when the server is SIGKILLed 3 times during a 20-client edit storm', async () => {
    const documentId = await newDocument();
    const clients: CollabTestClient[] = Array.from({ length: 20 }, () =>
      connectCollab(baseUrl, documentId, { cookie }),
    );
    await Promise.all(clients.map(synced));
    const tokens: string[][] = clients.map(() => []);
    let typing = true;
    const storm = clients.map(async (c, i) => {
      for (let n = 0; typing; n++) {
        const token = `<c${i}t${n}>`;
        insertTestText(c.doc, testText(c.doc).length, token);
        tokens[i]!.push(token);
        await new Promise((r) => setTimeout(r, 10 + Math.random() * 20));
      }
    });
    for (let crash = 0; crash < 3; crash++) {
      await new Promise((r) => setTimeout(r, 300 + Math.random() * 700));
      await killHard(child);
      await new Promise((r) => setTimeout(r, 100 + Math.random() * 200));
      child = await startChildServer(dataDir, port);
    }
    await new Promise((r) => setTimeout(r, 500));
    typing = false;
    await Promise.all(storm);

    const all = tokens.flat();
    expect(all.length).toBeGreaterThan(500);
    await waitFor(
      () => clients.every((c) => c.provider.synced && c.provider.wsconnected),
      20_000,
      'reconnect',
    );
    await waitFor(
      () => clients.every((c) => c.text() === clients[0]!.text()),
      20_000,
      'convergence',
    );
    const text = clients[0]!.text();
    const missing = all.filter((t) => !text.includes(t));
    expect(missing).toEqual([]);

    clients.forEach((c) => c.destroy());
    // A graceful stop drains; then the cold load must equal the replicas.
    await stopGracefully(child);
    const cold = await coldLoad(dataDir, documentId);
    expect(testText(cold)).toBe(text);
    child = await startChildServer(dataDir, port);
  }, 120_000);

  it('keeps edits received more than 100 ms before a SIGKILL, even when every client is gone', async () => {
    const documentId = await newDocument();
    const c = connectCollab(baseUrl, documentId, { cookie });
    // Sees the edit once the server has received and integrated it: the clock starts there,
    // not at the author's keystroke (on CI's busy cores the trip to the server alone can take
    // longer than the window).
    const observer = connectCollab(baseUrl, documentId, { cookie });
    await Promise.all([synced(c), synced(observer)]);
    insertTestText(c.doc, 0, 'received-before-the-crash');
    await waitFor(() => observer.text() === 'received-before-the-crash', 10_000, 'the broadcast');
    await new Promise((r) => setTimeout(r, 150));
    // Nobody is left to re-send it: the clients are destroyed before the server comes back.
    for (const client of [c, observer]) client.provider.shouldConnect = false;
    await killHard(child);
    c.destroy();
    observer.destroy();
    const cold = await coldLoad(dataDir, documentId);
    expect(testText(cold)).toBe('received-before-the-crash');
    child = await startChildServer(dataDir, port);
  }, 60_000);

  it('flushes everything on SIGTERM before exiting', async () => {
    const documentId = await newDocument();
    const c = connectCollab(baseUrl, documentId, { cookie });
    await synced(c);
    insertTestText(c.doc, 0, 'x'.repeat(10));
    // Received, but stopped inside the 50 ms write window: only the SIGTERM flush saves it.
    await new Promise((r) => setTimeout(r, 20));
    c.provider.shouldConnect = false;
    const code = await stopGracefully(child);
    c.destroy();
    expect(code).toBe(0);
    expect(testText(await coldLoad(dataDir, documentId))).toBe('x'.repeat(10));
    child = await startChildServer(dataDir, port);
  }, 60_000);
});
