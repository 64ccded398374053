import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Issue 11, finding 10: `aaaaaaaaaa`, a common password or the user's own email were accepted
 * as a new password. Through the real server, every way a person sets a password (accepting an
 * invitation, changing it) now answers 400 `password_too_weak` with the reason, and sets
 * nothing; a strong password still goes through.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const EMAIL = 'milena.petrova@example.test';
const NAME = 'Milena Petrova';
const STRONG = 'orchard lantern quietly 59';

/** Passwords weak for anyone, with the reason the server must give for each. */
const WEAK: [password: string, reason: string][] = [
  ['aaaaaaaaaa', 'predictable'],
  ['aaaaaaaaaaaaaaaaaaaa', 'predictable'],
  ['password1234', 'common'],
  ['iloveyou12345', 'common'],
  ['Zk3$pQ9!vL', 'too_short'],
];

async function invite(email: string): Promise<string> {
  const admin = new TestClient(server.baseUrl);
  await admin.login('admin@polisee.test', TEST_PASSWORD);
  const [org] = (await admin.get('/api/organisations')).body.items;
  const res = await admin.post('/api/invitations', { email, organisationId: org.id });
  expect(res.status).toBe(201);
  return res.body.acceptPath.split('/').pop();
}

describe('weak passwords', () => {
  it('are refused when accepting an invitation, with the reason, and the link stays usable', async () => {
    const token = await invite(EMAIL);
    const visitor = new TestClient(server.baseUrl);
    for (const [password, reason] of [
      ...WEAK,
      [EMAIL, 'contains_email'],
      ['Milena.Petrova.1990', 'contains_email'],
    ]) {
      const res = await visitor.post(`/api/invitations/${token}/accept`, { name: NAME, password });
      expect(res.status, password).toBe(400);
      expect(res.body.error, password).toMatchObject({ code: 'password_too_weak', reason });
    }
    // The name counts too, whatever the email says.
    const named = await visitor.post(`/api/invitations/${token}/accept`, {
      name: 'Aleksandra Ilieva',
      password: 'aleksandra-tulip-garden',
    });
    expect(named.body.error).toMatchObject({ code: 'password_too_weak', reason: 'contains_name' });
    expect((await visitor.get('/api/auth/me')).status).toBe(401);

    const accepted = await visitor.post(`/api/invitations/${token}/accept`, {
      name: NAME,
      password: STRONG,
    });
    expect(accepted.status).toBe(201);
    await new TestClient(server.baseUrl).login(EMAIL, STRONG);
  });

  it('are refused when changing a password, which stays as it was', async () => {
    const email = 'office.tirana@example.test';
    const token = await invite(email);
    const user = new TestClient(server.baseUrl);
    expect(
      (
        await user.post(`/api/invitations/${token}/accept`, {
          name: 'Jonas Berisha',
          password: STRONG,
        })
      ).status,
    ).toBe(201);

    for (const [password, reason] of [
      ...WEAK,
      [email, 'contains_email'],
      ['Berisha-Jonas-77', 'contains_name'],
    ]) {
      const res = await user.post('/api/auth/password', {
        currentPassword: STRONG,
        newPassword: password,
      });
      expect(res.status, password).toBe(400);
      expect(res.body.error, password).toMatchObject({ code: 'password_too_weak', reason });
    }
    await new TestClient(server.baseUrl).login(email, STRONG);

    const changed = await user.post('/api/auth/password', {
      currentPassword: STRONG,
      newPassword: 'harbour violet kettle 1903',
    });
    expect(changed.status).toBe(204);
    await new TestClient(server.baseUrl).login(email, 'harbour violet kettle 1903');
  });
});
