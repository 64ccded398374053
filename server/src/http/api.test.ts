import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

let server: TestServer;
beforeAll(async () => {
  server = await startTestServer({ env: { LOGIN_LOCK_AFTER: '5' } });
});
afterAll(() => server.close());

const client = () => new TestClient(server.baseUrl);
async function as(email: string) {
  const c = client();
  await c.login(email, TEST_PASSWORD);
  return c;
}
const noStackTrace = (text: string) => expect(text).not.toMatch(/\n\s+at |node_modules|\.ts:\d+/);

describe('REST edge', () => {
  it('answers health without a session', async () => {
    const res = await client().get('/api/health');
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ status: 'ok' });
  });

  it('refuses anonymous calls with 401', async () => {
    for (const path of ['/api/documents', '/api/auth/me', '/api/working-groups', '/api/activity']) {
      const res = await client().get(path);
      expect(res.status, path).toBe(401);
      expect(res.body.error.code).toBe('unauthenticated');
    }
    expect((await client().post('/api/documents', {})).status).toBe(401);
  });

  it('logs in with the seeded users and rejects bad credentials', async () => {
    const ok = await client().post('/api/auth/login', {
      email: 'member@polisee.test',
      password: TEST_PASSWORD,
    });
    expect(ok.status).toBe(200);
    expect(ok.body.user.email).toBe('member@polisee.test');
    expect(ok.body.user).not.toHaveProperty('passwordHash');
    expect(ok.headers.getSetCookie().join(';')).toMatch(/polisee\.sid=.*HttpOnly.*SameSite=Lax/i);

    const bad = await client().post('/api/auth/login', {
      email: 'member@polisee.test',
      password: 'wrong-password',
    });
    expect(bad.status).toBe(401);
    expect(bad.body.error.code).toBe('invalid_credentials');
    const unknown = await client().post('/api/auth/login', {
      email: 'nobody@polisee.test',
      password: 'x',
    });
    expect(unknown.status).toBe(401);
    expect(unknown.body.error.message).toBe(bad.body.error.message);
  });

  it('answers 400 naming the field for a body that fails its schema, and for malformed JSON', async () => {
    const missing = await client().post('/api/auth/login', { email: 'member@polisee.test' });
    expect(missing.status).toBe(400);
    expect(missing.body.error.code).toBe('validation_failed');
    expect(missing.body.error.details).toContainEqual(
      expect.objectContaining({ path: 'password', code: 'required' }),
    );

    const malformed = await client().request('POST', '/api/auth/login', {
      body: '{"email": "a@b.c", ',
    });
    expect(malformed.status).toBe(400);
    expect(malformed.body.error.code).toBe('malformed_json');
    noStackTrace(malformed.text);
  });

  it('names each failing field by a stable code with its limit, never only in English', async () => {
    const member = await as('member@polisee.test');
    const res = await member.post('/api/documents', {
      title: 'x'.repeat(201),
      kind: 'poem',
      workingGroupId: '',
      thematicPriorities: [],
      language: 'el',
      countries: ['gr'],
    });
    expect(res.status).toBe(400);
    const codes = res.body.error.details.map(
      ({ path, code, limit }: { path: string; code: string; limit?: number }) => ({
        path,
        code,
        limit,
      }),
    );
    expect(codes).toEqual([
      { path: 'title', code: 'too_long', limit: 200 },
      { path: 'kind', code: 'invalid_value', limit: undefined },
      { path: 'workingGroupId', code: 'required', limit: undefined },
      { path: 'thematicPriorities', code: 'too_few', limit: 1 },
      { path: 'countries.0', code: 'invalid_format', limit: undefined },
    ]);
  });

  it('never lets operator objects pass as strings', async () => {
    const res = await client().post('/api/auth/login', {
      email: { $ne: null },
      password: { $gt: '' },
    });
    expect(res.status).toBe(400);
    const member = await as('member@polisee.test');
    const q = await member.get('/api/documents?priority[$ne]=x');
    expect(q.status).toBe(400);
    const create = await member.post('/api/documents', {
      title: { $ne: null },
      kind: 'foresight_exercise',
      workingGroupId: { $gt: '' },
      thematicPriorities: ['innovation'],
      language: 'en',
    });
    expect(create.status).toBe(400);
    expect(create.body.error.details.map((d: { path: string }) => d.path)).toEqual(
      expect.arrayContaining(['title', 'workingGroupId']),
    );
  });

  it('answers unknown routes with a JSON 404 and never a stack trace', async () => {
    const member = await as('member@polisee.test');
    const res = await member.get('/api/nope');
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('not_found');
    const missingDoc = await member.get('/api/documents/does-not-exist');
    expect(missingDoc.status).toBe(404);
    noStackTrace(missingDoc.text);
  });

  it('refuses cookie-authenticated mutations from a foreign Origin', async () => {
    const member = await as('member@polisee.test');
    const res = await member.request('PATCH', '/api/me', {
      json: { language: 'el' },
      headers: { origin: 'https://evil.example' },
    });
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('csrf_origin_mismatch');
  });

  it('rate-limits repeated failed logins', async () => {
    const c = client();
    const statuses: number[] = [];
    for (let i = 0; i < 7; i++) {
      statuses.push(
        (await c.post('/api/auth/login', { email: 'stc@polisee.test', password: 'wrong-password' }))
          .status,
      );
    }
    expect(statuses.slice(0, 5)).toEqual([401, 401, 401, 401, 401]);
    expect(statuses.at(-1)).toBe(429);
  });
});

describe('sessions', () => {
  it('regenerates the session id at login and ends it at logout', async () => {
    const c = client();
    await c.login('member@polisee.test', TEST_PASSWORD);
    const first = c.sessionCookie;
    await c.login('member@polisee.test', TEST_PASSWORD);
    expect(c.sessionCookie).not.toBe(first);
    const stale = new TestClient(server.baseUrl);
    (stale as unknown as { cookie: string | null }).cookie = first;
    expect((await stale.get('/api/auth/me')).status).toBe(401);

    const beforeLogout = c.sessionCookie;
    expect((await c.post('/api/auth/logout')).status).toBe(204);
    const replay = new TestClient(server.baseUrl);
    (replay as unknown as { cookie: string | null }).cookie = beforeLogout;
    expect((await replay.get('/api/auth/me')).status).toBe(401);
  });

  it('changes the password: new session id, other sessions end, new password works', async () => {
    const admin = await as('admin@polisee.test');
    const orgs = (await admin.get('/api/organisations')).body.items;
    const invite = await admin.post('/api/invitations', {
      email: 'pw@example.test',
      organisationId: orgs[0].id,
    });
    const c = client();
    const token = invite.body.acceptPath.split('/').pop();
    expect(
      (
        await c.post(`/api/invitations/${token}/accept`, {
          name: 'Pw User',
          password: 'first-password-1',
        })
      ).status,
    ).toBe(201);
    const other = client();
    await other.login('pw@example.test', 'first-password-1');

    const before = c.sessionCookie;
    const wrong = await c.post('/api/auth/password', {
      currentPassword: 'nope',
      newPassword: 'second-password-2',
    });
    expect(wrong.status).toBe(401);
    const res = await c.post('/api/auth/password', {
      currentPassword: 'first-password-1',
      newPassword: 'second-password-2',
    });
    expect(res.status).toBe(204);
    expect(c.sessionCookie).not.toBe(before);
    expect((await c.get('/api/auth/me')).status).toBe(200);
    expect((await other.get('/api/auth/me')).status).toBe(401);
    await client().login('pw@example.test', 'second-password-2');
  });

  it('survives a server restart', async () => {
    const first = await startTestServer();
    const c = new TestClient(first.baseUrl);
    await c.login('lead@polisee.test', TEST_PASSWORD);
    const cookie = c.sessionCookie;
    await first.close({ keepData: true });

    const second = await startTestServer({ dataDir: first.dataDir });
    try {
      const again = new TestClient(second.baseUrl);
      (again as unknown as { cookie: string | null }).cookie = cookie;
      const me = await again.get('/api/auth/me');
      expect(me.status).toBe(200);
      expect(me.body.user.email).toBe('lead@polisee.test');
    } finally {
      await second.close();
    }
  });
});

describe('invitations', () => {
  it('lets an admin invite; the one-time link sets a password, signs in and grants the membership', async () => {
    const admin = await as('admin@polisee.test');
    const [org] = (await admin.get('/api/organisations')).body.items;
    const [group] = (await admin.get('/api/working-groups')).body.items;
    const res = await admin.post('/api/invitations', {
      email: 'New.Partner@Example.test',
      organisationId: org.id,
      membership: { workingGroupId: group.id, role: 'wg_member' },
    });
    expect(res.status).toBe(201);
    expect(res.body.acceptPath).toMatch(/^\/invite\/[\w-]{20,}$/);
    expect(res.body.invitation.email).toBe('new.partner@example.test');
    expect(
      (await admin.get('/api/invitations')).body.items.map((i: { email: string }) => i.email),
    ).toContain('new.partner@example.test');

    const token = res.body.acceptPath.split('/').pop();
    const visitor = client();
    const preview = await visitor.get(`/api/invitations/${token}`);
    expect(preview.body).toMatchObject({
      email: 'new.partner@example.test',
      organisationName: org.name,
    });
    const weak = await visitor.post(`/api/invitations/${token}/accept`, {
      name: 'New',
      password: 'short',
    });
    expect(weak.status).toBe(400);
    const accepted = await visitor.post(`/api/invitations/${token}/accept`, {
      name: 'New Partner',
      password: 'a-long-password-1',
    });
    expect(accepted.status).toBe(201);
    expect(accepted.body.memberships).toEqual([
      { userId: accepted.body.user.id, workingGroupId: group.id, role: 'wg_member' },
    ]);
    expect((await visitor.get('/api/auth/me')).status).toBe(200);

    const again = await client().post(`/api/invitations/${token}/accept`, {
      name: 'Thief',
      password: 'a-long-password-1',
    });
    expect(again.status).toBe(410);
    expect(again.body.error.code).toBe('invitation_invalid');
    expect(
      (
        await admin.post('/api/invitations', {
          email: 'member@polisee.test',
          organisationId: org.id,
        })
      ).status,
    ).toBe(409);
  });
});

describe('document catalogue', () => {
  it('lists readable documents with the contract fields', async () => {
    const member = await as('member@polisee.test');
    const res = await member.get('/api/documents');
    expect(res.status).toBe(200);
    expect(res.body.items.length).toBeGreaterThanOrEqual(2);
    for (const d of res.body.items) {
      expect(d).toEqual(
        expect.objectContaining({
          id: expect.any(String),
          title: expect.any(String),
          kind: expect.any(String),
          workingGroupId: expect.any(String),
          thematicPriorities: expect.any(Array),
          status: expect.any(String),
          language: expect.any(String),
        }),
      );
    }
    const mine = new Set(
      (await member.get('/api/working-groups')).body.items.map((g: { id: string }) => g.id),
    );
    expect(
      res.body.items.every((d: { workingGroupId: string }) => mine.has(d.workingGroupId)),
    ).toBe(true);
  });

  it('creates from the template in the document language, renames, re-tags, filters and archives', async () => {
    const lead = await as('lead@polisee.test');
    const group = (await lead.get('/api/working-groups')).body.items.find(
      (g: { myRole: string }) => g.myRole === 'wg_lead',
    );
    const created = await lead.post('/api/documents', {
      title: 'Σενάρια 2035',
      kind: 'foresight_exercise',
      workingGroupId: group.id,
      thematicPriorities: ['innovation', 'skills'],
      language: 'el',
      countries: ['GR'],
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    expect(created.body).toMatchObject({
      status: 'draft',
      language: 'el',
      kind: 'foresight_exercise',
    });

    const template = (await lead.get('/api/templates/foresight_exercise?language=el')).body;
    const content = await lead.get(`/api/documents/${id}/content`);
    expect(content.status).toBe(200);
    expect(content.body.text).toContain('Σενάρια 2035');
    for (const section of template.sections) expect(content.body.text).toContain(section.heading);
    // Template seeded exactly once.
    expect(content.body.text.split(template.sections[0].heading).length).toBe(2);

    const renamed = await lead.patch(`/api/documents/${id}`, {
      title: 'Σενάρια 2040',
      thematicPriorities: ['financing'],
    });
    expect(renamed.status).toBe(200);
    expect(renamed.body).toMatchObject({
      title: 'Σενάρια 2040',
      thematicPriorities: ['financing'],
    });
    const byPriority = (await lead.get('/api/documents?priority=financing')).body.items.map(
      (d: { id: string }) => d.id,
    );
    expect(byPriority).toContain(id);
    expect(
      (await lead.get('/api/documents?priority=skills')).body.items.map(
        (d: { id: string }) => d.id,
      ),
    ).not.toContain(id);
    expect(
      (await lead.get('/api/documents?kind=foresight_exercise&country=GR')).body.items.map(
        (d: { id: string }) => d.id,
      ),
    ).toContain(id);

    expect((await lead.post(`/api/documents/${id}/archive`)).body.status).toBe('archived');
    expect(
      (await lead.get('/api/documents')).body.items.map((d: { id: string }) => d.id),
    ).not.toContain(id);
    expect(
      (await lead.get('/api/documents?status=archived')).body.items.map(
        (d: { id: string }) => d.id,
      ),
    ).toContain(id);
    expect((await lead.post(`/api/documents/${id}/archive`)).status).toBe(409);
    expect((await lead.post(`/api/documents/${id}/unarchive`)).body.status).toBe('draft');

    const activity = (await lead.get('/api/activity?limit=10')).body.items.map(
      (a: { type: string }) => a.type,
    );
    expect(activity).toEqual(
      expect.arrayContaining([
        'document_created',
        'document_renamed',
        'document_archived',
        'document_restored',
      ]),
    );
  });

  it('gives an observer 403 with a stable code on create and rename', async () => {
    const observer = await as('observer@polisee.test');
    const group = (await observer.get('/api/working-groups')).body.items[0];
    const create = await observer.post('/api/documents', {
      title: 'Not allowed',
      kind: 'workshop_notes',
      workingGroupId: group.id,
      thematicPriorities: ['skills'],
      language: 'en',
    });
    expect(create.status).toBe(403);
    expect(create.body.error.code).toBe('forbidden');
    const doc = (await observer.get('/api/documents')).body.items[0];
    const rename = await observer.patch(`/api/documents/${doc.id}`, {
      title: 'Renamed by observer',
    });
    expect(rename.status).toBe(403);
    expect(rename.body.error.code).toBe('forbidden');
  });

  it('persists the language choice per user', async () => {
    const member = await as('member@polisee.test');
    expect((await member.patch('/api/me', { language: 'el' })).body.user.language).toBe('el');
    const again = await as('member@polisee.test');
    expect((await again.get('/api/auth/me')).body.user.language).toBe('el');
    expect((await member.patch('/api/me', { language: 'xx' })).status).toBe(400);
    await member.patch('/api/me', { language: 'en' });
  });
});
