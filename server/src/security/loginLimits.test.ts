import { afterEach, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Issue 11, finding 9: the sign-in limit counted per address and email, so one password tried
 * on many emails went through; X-Forwarded-For was believed from the loopback peer, so a
 * rotating header made every guess come from a new address; and a locked account signed in
 * with the right password from another address. On the real server (127.0.0.1, a loopback
 * peer, which is exactly the case the old 'loopback' trust believed), each server its own
 * counters.
 */
let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

async function serverWith(env: Record<string, string>) {
  server = await startTestServer({ env });
  return server;
}

async function login(
  s: TestServer,
  email: string,
  password: string,
  forwardedFor?: string,
  client = new TestClient(s.baseUrl),
) {
  return client.request('POST', '/api/auth/login', {
    json: { email, password },
    headers: forwardedFor ? { 'x-forwarded-for': forwardedFor } : {},
  });
}

function expectRefused(res: Awaited<ReturnType<typeof login>>) {
  expect(res.status, res.text).toBe(429);
  expect(res.body.error.code).toBe('rate_limited');
  expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
}

describe('sign-in limits per address, across accounts', () => {
  it('stop one password sprayed over many emails, while successful sign-ins do not count', async () => {
    const s = await serverWith({ LOGIN_RATE_LIMIT: '6' });
    // A workshop room behind one address: more sign-ins than the limit, all fine.
    for (let i = 0; i < 8; i++) {
      expect((await login(s, 'member@polisee.test', TEST_PASSWORD)).status).toBe(200);
    }
    for (let i = 0; i < 6; i++) {
      expect((await login(s, `person${i}@polisee.test`, 'Summer2024!')).status).toBe(401);
    }
    expectRefused(await login(s, 'person6@polisee.test', 'Summer2024!'));
  });

  it('are not escaped by a rotating X-Forwarded-For when no proxy is trusted', async () => {
    const s = await serverWith({ LOGIN_RATE_LIMIT: '6' });
    const statuses: number[] = [];
    for (let i = 0; i < 8; i++) {
      const res = await login(s, `person${i}@polisee.test`, 'Summer2024!', `10.0.${i}.1`);
      statuses.push(res.status);
    }
    expect(statuses.slice(0, 6)).toEqual([401, 401, 401, 401, 401, 401]);
    expect(statuses.slice(6)).toEqual([429, 429]);
  });

  it('tell forwarded clients apart when TRUST_PROXY names the proxy, and ignore addresses a client prepends', async () => {
    const s = await serverWith({ LOGIN_RATE_LIMIT: '4', TRUST_PROXY: '127.0.0.1' });
    for (let i = 0; i < 4; i++) {
      expect((await login(s, `person${i}@polisee.test`, 'Summer2024!', '203.0.113.7')).status).toBe(
        401,
      );
    }
    expectRefused(await login(s, 'person4@polisee.test', 'Summer2024!', '203.0.113.7'));
    // The client forged the first entry; the proxy appended the address it really came from.
    expectRefused(
      await login(s, 'person5@polisee.test', 'Summer2024!', '198.51.100.50, 203.0.113.7'),
    );
    // Another client behind the same proxy has its own budget.
    expect((await login(s, 'person6@polisee.test', 'Summer2024!', '198.51.100.9')).status).toBe(
      401,
    );
  });
});

describe('sign-in limits per account, across addresses', () => {
  it('lock one account guessed from a rotating X-Forwarded-For without TRUST_PROXY', async () => {
    const s = await serverWith({});
    const statuses: number[] = [];
    for (let i = 0; i < 15; i++) {
      statuses.push((await login(s, 'stc@polisee.test', `guess-${i}`, `10.1.${i}.1`)).status);
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.slice(5).every((status) => status === 429)).toBe(true);
  });

  it('let no more guesses through when they arrive all at once', async () => {
    const s = await serverWith({});
    const statuses = await Promise.all(
      Array.from(
        { length: 20 },
        async (_, i) => (await login(s, 'sc@polisee.test', `guess-${i}`, `10.2.${i}.1`)).status,
      ),
    );
    // Counted as they start, not as their password checks end: five, then the lock.
    expect(statuses.filter((status) => status === 401)).toHaveLength(5);
    expect(statuses.filter((status) => status === 429)).toHaveLength(15);
  });

  it('refuse the correct password while the account is locked, from another address too', async () => {
    const s = await serverWith({ TRUST_PROXY: '127.0.0.1' });
    for (let i = 0; i < 5; i++) {
      expect((await login(s, 'member@polisee.test', `guess-${i}`, '203.0.113.7')).status).toBe(401);
    }
    const owner = new TestClient(s.baseUrl);
    const res = await login(s, 'member@polisee.test', TEST_PASSWORD, '198.51.100.9', owner);
    expectRefused(res);
    expect(owner.sessionCookie).toBeNull();
    expect((await owner.get('/api/auth/me')).status).toBe(401);
    // Other accounts from the same addresses are not locked with it.
    expect((await login(s, 'lead@polisee.test', TEST_PASSWORD, '203.0.113.7')).status).toBe(200);
  });

  it('lock for longer after each failure once locked, and forget the failures after a success', async () => {
    const s = await serverWith({ LOGIN_LOCK_AFTER: '2', LOGIN_LOCK_SECONDS: '2' });
    const email = 'observer@polisee.test';
    const waitOut = (res: Awaited<ReturnType<typeof login>>) =>
      new Promise((r) => setTimeout(r, Number(res.headers.get('retry-after')) * 1000 + 100));
    expect((await login(s, email, 'guess-1')).status).toBe(401);
    expect((await login(s, email, 'guess-2')).status).toBe(401);
    const first = await login(s, email, 'guess-3');
    expectRefused(first);
    expect(Number(first.headers.get('retry-after'))).toBeLessThanOrEqual(2);

    await waitOut(first);
    expect((await login(s, email, 'guess-4')).status).toBe(401);
    const second = await login(s, email, TEST_PASSWORD);
    expectRefused(second);
    // Doubled to 4 s; the margin is for a slow password check on a busy machine.
    expect(Number(second.headers.get('retry-after'))).toBeGreaterThanOrEqual(3);

    await waitOut(second);
    expect((await login(s, email, TEST_PASSWORD)).status).toBe(200);
    expect((await login(s, email, 'guess-5')).status).toBe(401);
  });
});
