import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Issue 11, finding 12: accepting an invitation marked it used before creating the account, so
 * an accept that then failed (409, the email already has an account) used the invitation up.
 * Now the invitation is used in the same step that creates the account, and only then.
 */
let server: TestServer;
let admin: TestClient;
beforeAll(async () => {
  server = await startTestServer();
  admin = new TestClient(server.baseUrl);
  await admin.login('admin@polisee.test', TEST_PASSWORD);
});
afterAll(() => server.close());

const EMAIL = 'ilinca.dumitru@example.test';
const NAME = 'Ilinca Dumitru';
const PASSWORD = 'orchard lantern quietly 59';

async function invite(email: string): Promise<string> {
  const [org] = (await admin.get('/api/organisations')).body.items;
  const res = await admin.post('/api/invitations', { email, organisationId: org.id });
  expect(res.status).toBe(201);
  return res.body.acceptPath.split('/').pop();
}

describe('using an invitation', () => {
  it('does not use it up when accepting it fails', async () => {
    // Sent twice, as happens when the first email seems lost.
    const first = await invite(EMAIL);
    const second = await invite(EMAIL);
    const visitor = new TestClient(server.baseUrl);
    expect(
      (await visitor.post(`/api/invitations/${first}/accept`, { name: NAME, password: PASSWORD }))
        .status,
    ).toBe(201);

    const failed = await new TestClient(server.baseUrl).post(`/api/invitations/${second}/accept`, {
      name: NAME,
      password: PASSWORD,
    });
    expect(failed.status).toBe(409);
    expect(failed.body.error.code).toBe('conflict');

    // Still pending and still valid: the failed accept did not consume it.
    expect((await new TestClient(server.baseUrl).get(`/api/invitations/${second}`)).status).toBe(
      200,
    );
    const pending = await admin.get('/api/invitations');
    expect(pending.body.items.filter((i: { email: string }) => i.email === EMAIL)).toHaveLength(1);
    // The one that succeeded is used, once.
    const again = await new TestClient(server.baseUrl).post(`/api/invitations/${first}/accept`, {
      name: NAME,
      password: PASSWORD,
    });
    expect(again.status).toBe(410);
  });
});
