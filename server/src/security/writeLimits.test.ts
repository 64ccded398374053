import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Issue 11, finding 12: one member posted 1,352 comments in 4 s. Messages, new threads and
 * invitations now have a budget per user per minute (small here, so the tests stay quick); past
 * it the server answers 429 `rate_limited` with Retry-After and stores nothing, while other
 * people go on writing.
 */
let server: TestServer;
const clients: Record<string, TestClient> = {};
let docId: string;
let threadId: string;

beforeAll(async () => {
  server = await startTestServer({
    env: { MESSAGE_RATE_LIMIT: '5', THREAD_RATE_LIMIT: '3', INVITATION_RATE_LIMIT: '3' },
  });
  for (const name of ['admin', 'lead', 'member']) {
    clients[name] = new TestClient(server.baseUrl);
    await clients[name].login(`${name}@polisee.test`, TEST_PASSWORD);
  }
  const groups = await clients.lead!.get('/api/working-groups');
  const group = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const doc = await clients.lead!.post('/api/documents', {
    title: 'Write limits plan',
    kind: 'workshop_notes',
    workingGroupId: group.id,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  docId = doc.body.id;
  const thread = await clients.lead!.post(`/api/documents/${docId}/threads`, {
    priority: 'financing',
    body: 'Where does the co-financing come from?',
  });
  expect(thread.status).toBe(201);
  threadId = thread.body.id;
});
afterAll(() => server.close());

function expectRefused(res: Awaited<ReturnType<TestClient['post']>>) {
  expect(res.status, res.text).toBe(429);
  expect(res.body.error.code).toBe('rate_limited');
  const retryAfter = Number(res.headers.get('retry-after'));
  expect(retryAfter).toBeGreaterThanOrEqual(1);
  expect(retryAfter).toBeLessThanOrEqual(60);
}

describe('write limits per user per minute', () => {
  it('refuse messages past the budget, store none of them, and leave others writing', async () => {
    for (let i = 0; i < 5; i++) {
      const res = await clients.member!.post(`/api/threads/${threadId}/messages`, {
        body: `Reply ${i}`,
      });
      expect(res.status).toBe(201);
    }
    expectRefused(
      await clients.member!.post(`/api/threads/${threadId}/messages`, { body: 'One more' }),
    );
    expect(
      (await clients.lead!.post(`/api/threads/${threadId}/messages`, { body: 'The lead answers' }))
        .status,
    ).toBe(201);
    const thread = await clients.member!.get(`/api/threads/${threadId}`);
    const bodies = thread.body.messages.map((m: { body: string }) => m.body);
    expect(bodies).not.toContain('One more');
    expect(bodies).toHaveLength(7);
  });

  it('refuse new threads past the budget', async () => {
    const start = (body: string) =>
      clients.lead!.post(`/api/documents/${docId}/threads`, { priority: 'innovation', body });
    // The lead started one thread in the setup.
    for (let i = 0; i < 2; i++) expect((await start(`Topic ${i}`)).status).toBe(201);
    expectRefused(await start('Topic too many'));
    const threads = await clients.lead!.get(`/api/documents/${docId}/threads`);
    expect(threads.body.items).toHaveLength(3);
  });

  it('refuse invitations past the budget', async () => {
    const [org] = (await clients.admin!.get('/api/organisations')).body.items;
    const invite = (i: number) =>
      clients.admin!.post('/api/invitations', {
        email: `invitee-${i}@example.test`,
        organisationId: org.id,
      });
    for (let i = 0; i < 3; i++) expect((await invite(i)).status).toBe(201);
    expectRefused(await invite(3));
    const pending = await clients.admin!.get('/api/invitations');
    expect(pending.body.items.map((i: { email: string }) => i.email)).not.toContain(
      'invitee-3@example.test',
    );
  });
});
