import type { ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CLIENT_EVENTS } from '@polisee/contracts';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startThread, threadEvents } from '../security/socketHarness.js';
import { freePort, killHard, removeChildData, startChildServer } from '../testing/childServer.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { allConverge, createPlan, startEditStorm } from '../testing/editStorm.js';
import { TestClient } from '../testing/httpClient.js';
import { nginxBinary, startNginxProxy, type TestProxy } from '../testing/nginxProxy.js';
import { startTestRedis, type TestRedis } from '../testing/redisServer.js';
import { connectSocket, type TestSocket } from '../testing/socketClient.js';
import { TEST_PASSWORD } from '../testing/testServer.js';

/**
 * The production proxy configuration (deploy/nginx.conf, as docker-compose.yml runs it) in
 * front of three real processes sharing one store and one Redis: everything a browser does goes
 * through the proxy only. Skipped where Debian's nginx is not installed (`.ci/run` installs it).
 */
const NGINX = nginxBinary();
let dataDir: string;
let redis: TestRedis;
let proxy: TestProxy;
const children: ChildProcess[] = [];
const clients: CollabTestClient[] = [];
const sockets: TestSocket[] = [];

beforeAll(async () => {
  if (!NGINX) return;
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-proxy-'));
  redis = await startTestRedis();
  const upstreams: string[] = [];
  for (let i = 0; i < 3; i++) {
    const port = await freePort();
    children.push(await startChildServer(dataDir, port, { REDIS_URL: redis.url }));
    upstreams.push(`127.0.0.1:${port}`);
  }
  proxy = await startNginxProxy(path.join(dataDir, 'nginx'), await freePort(), upstreams);
}, 120_000);

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  sockets.forEach((s) => s.disconnect());
  await proxy?.stop();
  await Promise.all(children.map(killHard));
  await redis?.stop();
  if (dataDir) await removeChildData(dataDir);
});

it.skipIf(!NGINX)(
  'serves sign-in, live co-editing spread over the processes (one of them killed) and socket.io events through the proxy',
  async () => {
    const lead = new TestClient(proxy.url);
    await lead.login('lead@polisee.test', TEST_PASSWORD);
    const groupId = (await lead.get('/api/working-groups')).body.items.find(
      (g: { myRole: string }) => g.myRole === 'wg_lead',
    ).id;
    const documentId = await createPlan(proxy.url, lead.sessionCookie!, groupId, 'Plan via nginx');

    // Editors connected one after another: the proxy spreads them (fewest connections first).
    for (let i = 0; i < 6; i++) {
      clients.push(connectCollab(proxy.url, documentId, { cookie: lead.sessionCookie! }));
    }
    await Promise.all(clients.map(synced));
    const storm = startEditStorm(() => clients, 'p');
    await new Promise((r) => setTimeout(r, 1000));
    await storm.stop();
    await allConverge(clients, storm.tokens, 'every editor behind the proxy');
    expect(storm.tokens.length).toBeGreaterThan(50);

    // A process dies mid-storm: its editors reconnect through the proxy to the others (nginx
    // takes a refused upstream out for a while) and nothing typed is lost.
    const second = startEditStorm(() => clients, 'k');
    await new Promise((r) => setTimeout(r, 500));
    await killHard(children[1]!);
    await new Promise((r) => setTimeout(r, 1500));
    await second.stop();
    await allConverge(clients, second.tokens, 'every editor after a process died');
    // The proxy had spread them: some were on the process that died, the others were not.
    const moved = clients.filter((c) => c.closeCodes.length > 0).length;
    expect(moved).toBeGreaterThan(0);
    expect(moved).toBeLessThan(clients.length);

    // socket.io as a browser opens it: long-polling first, then the upgrade, each request
    // through the proxy to the same process.
    const member = new TestClient(proxy.url);
    await member.login('member@polisee.test', TEST_PASSWORD);
    const reader = await connectSocket(proxy.url, member.sessionCookie, {
      transports: ['polling', 'websocket'],
    });
    sockets.push(reader);
    expect(await reader.request(CLIENT_EVENTS.subscribeDocument, { documentId })).toEqual({
      ok: true,
    });
    await waitFor(() => reader.io.engine.transport.name === 'websocket', 5000, 'the upgrade');
    const threadId = await startThread(lead, documentId, 'Posted through the proxy');
    await waitFor(() => threadEvents(reader, threadId).length > 0, 5000, 'thread:changed');
  },
  120_000,
);
