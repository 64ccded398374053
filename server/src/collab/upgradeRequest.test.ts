import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCollab, synced, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * An open collaboration connection must not keep the HTTP request it was upgraded from: with
 * its session, cookie and headers that is a few KB per open document (issue 18's memory target),
 * and a listener made in the wrong scope is enough to hold it.
 */
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

let server: TestServer;
let cookie: string;
let documentId: string;
const clients: CollabTestClient[] = [];

beforeAll(async () => {
  server = await startTestServer();
  const lead = new TestClient(server.baseUrl);
  await lead.login('lead@polisee.test', TEST_PASSWORD);
  cookie = lead.sessionCookie!;
  const groupId = (await lead.get('/api/working-groups')).body.items.find(
    (g: { myRole: string }) => g.myRole === 'wg_lead',
  ).id;
  documentId = (
    await lead.post('/api/documents', {
      title: 'Memory',
      kind: 'workshop_notes',
      workingGroupId: groupId,
      thematicPriorities: ['skills'],
      language: 'en',
    })
  ).body.id;
});
afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('an open collaboration connection', () => {
  it('lets the upgrade request go once the handshake is done', async () => {
    const collab = server.collab();
    const requests: WeakRef<object>[] = [];
    const upgrade = collab.upgrade.bind(collab);
    collab.upgrade = (req, ...rest) => {
      requests.push(new WeakRef(req));
      upgrade(req, ...rest);
    };
    for (let i = 0; i < 3; i++) {
      const client = connectCollab(server.baseUrl, documentId, { cookie });
      clients.push(client);
      await synced(client);
    }
    expect(requests).toHaveLength(3);
    // WeakRefs are cleared only after the turn that created them, and a major GC may take two.
    for (let round = 0; round < 5 && requests.some((r) => r.deref()); round++) {
      await new Promise((resolve) => setTimeout(resolve, 50));
      gc();
    }
    expect(requests.filter((r) => r.deref() !== undefined)).toHaveLength(0);
    // The connections are still open and live.
    expect(collab.rooms.room(documentId)).toBeDefined();
  });
});
