import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logging.js';
import { freePort, killHard, removeChildData, startChildServer } from '../testing/childServer.js';
import { TestClient } from '../testing/httpClient.js';
import { TEST_PASSWORD } from '../testing/testServer.js';

/**
 * Issue 11, finding 5: the request log held `cookie` headers that signed in as the admin when
 * replayed. The real server runs as a child process at LOG_LEVEL=info, exactly as `main.ts`
 * builds its logger, and everything it writes is searched for the secrets the test used.
 */
let dataDir: string;
let baseUrl: string;
let child: ChildProcess;
let log = '';

beforeAll(async () => {
  dataDir = mkdtempSync(path.join(tmpdir(), 'polisee-log-'));
  const port = await freePort();
  baseUrl = `http://127.0.0.1:${port}`;
  child = await startChildServer(dataDir, port);
  child.stdout!.on('data', (chunk: Buffer) => (log += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (log += chunk.toString()));
});
afterAll(async () => {
  await killHard(child);
  await removeChildData(dataDir);
});

/** A password no strength rule refuses, unique to this run so that a hit is never a false one. */
function strongPassword(): string {
  return `Kettle-Plum-${randomBytes(12).toString('base64url')}`;
}

/** The session id inside `polisee.sid=s%3A<id>.<signature>`: the part a thief needs. */
function sessionIdOf(cookie: string): string {
  const value = decodeURIComponent(cookie.slice(cookie.indexOf('=') + 1));
  return value.slice(2, value.lastIndexOf('.'));
}

/** Stops the server and waits until its output pipes are drained, so no line is missed. */
function stopAndDrain(proc: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    proc.once('close', () => resolve());
    proc.kill('SIGTERM');
  });
}

describe('the request log', () => {
  it('holds no session cookie, password, bearer credential or invitation token', async () => {
    const secrets: Record<string, string> = { 'demo password': TEST_PASSWORD };
    const remember = (name: string, cookie: string | null) => {
      expect(cookie, name).toBeTruthy();
      secrets[`${name} cookie`] = cookie!.slice(cookie!.indexOf('=') + 1);
      secrets[`${name} session id`] = sessionIdOf(cookie!);
    };

    const admin = new TestClient(baseUrl);
    const wrongPassword = strongPassword();
    secrets['mistyped password'] = wrongPassword;
    expect(
      (
        await admin.post('/api/auth/login', {
          email: 'admin@polisee.test',
          password: wrongPassword,
        })
      ).status,
    ).toBe(401);
    await admin.login('admin@polisee.test', TEST_PASSWORD);
    remember('admin', admin.sessionCookie);

    const bearer = randomBytes(24).toString('base64url');
    secrets['bearer credential'] = bearer;
    const me = await admin.request('GET', '/api/auth/me', {
      headers: { authorization: `Bearer ${bearer}` },
    });
    expect(me.status).toBe(200);

    const newPassword = strongPassword();
    secrets['new password'] = newPassword;
    const changed = await admin.post('/api/auth/password', {
      currentPassword: TEST_PASSWORD,
      newPassword,
    });
    expect(changed.status, changed.text).toBe(204);
    // Changing the password starts a new session: its cookie is a secret too.
    remember('admin after password change', admin.sessionCookie);

    const organisationId = (await admin.get('/api/organisations')).body.items[0].id as string;
    const invited = await admin.post('/api/invitations', {
      email: 'log.reader@example.test',
      organisationId,
    });
    expect(invited.status, invited.text).toBe(201);
    const acceptPath = invited.body.acceptPath as string;
    const token = decodeURIComponent(acceptPath.slice(acceptPath.lastIndexOf('/') + 1));
    expect(token.length).toBeGreaterThanOrEqual(16);
    secrets['invitation token'] = token;

    const invitee = new TestClient(baseUrl);
    // The invitation page is where a browser would come from: its address carries the token.
    const fromInvitePage = { referer: `${baseUrl}${acceptPath}` };
    await invitee.request('GET', acceptPath);
    const preview = await invitee.request('GET', `/api/invitations/${token}`, {
      headers: fromInvitePage,
    });
    expect(preview.status, preview.text).toBe(200);
    const inviteePassword = strongPassword();
    secrets['invitee password'] = inviteePassword;
    const accepted = await invitee.request('POST', `/api/invitations/${token}/accept`, {
      json: { name: 'Lena Reader', password: inviteePassword },
      headers: fromInvitePage,
    });
    expect(accepted.status, accepted.text).toBe(201);
    remember('invitee', invitee.sessionCookie);
    expect((await invitee.get('/api/auth/me')).status).toBe(200);

    await stopAndDrain(child);

    const leaked = Object.entries(secrets)
      .filter(([, secret]) => log.includes(secret))
      .map(([name]) => name);
    expect(leaked).toEqual([]);
    // And the search was not of an empty log: the requests are there, their secrets replaced.
    expect(log).toContain('"url":"/api/auth/me"');
    expect(log).toContain('"url":"/api/invitations/[Redacted]/accept"');
    expect(log).toContain('"cookie":"[Redacted]"');
    expect(log).toContain('"set-cookie":"[Redacted]"');
  });

  it('also hides secrets in records the server does not write today', () => {
    let written = '';
    const logger = createLogger('info', { write: (line: string) => void (written += line) });
    const token = randomBytes(32).toString('base64url');
    logger.info({
      req: {
        url: `/API/Invitations/${token}/accept`,
        headers: {
          'proxy-authorization': 'Basic c2VjcmV0',
          referer: `https://x.test/invite/${token}?a=1`,
        },
        body: {
          password: 'body-password',
          currentPassword: 'current-password',
          newPassword: 'new-password',
        },
      },
      path: `/invitations/${token}`,
      password: 'top-level-password',
    });
    for (const secret of [
      token,
      'c2VjcmV0',
      'body-password',
      'current-password',
      'new-password',
      'top-level-password',
    ]) {
      expect(written).not.toContain(secret);
    }
    // What is not secret stays readable.
    expect(written).toContain('"url":"/API/Invitations/[Redacted]/accept"');
    expect(written).toContain('"referer":"https://x.test/invite/[Redacted]?a=1"');
  });
});
