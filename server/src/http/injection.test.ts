import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Query-selector injection and prototype pollution against the real server, through every
 * route of `http/routes/*.ts`. It runs on SQLite always, and on MongoDB when MONGODB_URI is set
 * (startTestServer picks the store), which is where operators hidden in values would bite.
 *
 * Never a 500 (nothing reaches the store unparsed), never a bypass (an operator where a value
 * belongs is a 400, not a match), and `Object.prototype` untouched afterwards.
 */

let server: TestServer;
let admin: TestClient;
let ids: {
  group: string;
  document: string;
  user: string;
  organisation: string;
  thread: string;
  message: string;
};

beforeAll(async () => {
  server = await startTestServer({ env: { LOGIN_RATE_LIMIT: '10000' } });
  admin = new TestClient(server.baseUrl);
  await admin.login('admin@polisee.test', TEST_PASSWORD);
  const groups = await admin.get('/api/working-groups');
  const documents = await admin.get('/api/documents');
  const users = await admin.get('/api/users');
  const organisations = await admin.get('/api/organisations');
  const document = documents.body.items[0].id;
  const thread = await admin.post(`/api/documents/${document}/threads`, {
    priority: 'financing',
    body: 'A thread to aim injections at',
  });
  expect(thread.status, thread.text).toBe(201);
  ids = {
    group: groups.body.items[0].id,
    document,
    user: users.body.items.find((u: { email: string }) => u.email === 'member@polisee.test').id,
    organisation: organisations.body.items[0].id,
    thread: thread.body.id,
    message: thread.body.messages[0].id,
  };
});
afterAll(() => server.close());

/** Operators as JSON values: each one, placed where a string belongs, must be refused. */
const OPERATORS: unknown[] = [
  { $ne: null },
  { $gt: '' },
  { $where: 'sleep(1000)' },
  { $nor: [{}] },
  { $regex: '.*' },
  { $in: ['admin@polisee.test', 'lead@polisee.test'] },
  { $exists: true },
  ['admin@polisee.test'],
];

/** Raw JSON bodies: `JSON.stringify` would drop `__proto__`, so these are sent as text. */
const POLLUTING_BODIES = [
  '{"__proto__": {"isAdmin": true}}',
  '{"constructor": {"prototype": {"isAdmin": true}}}',
  '{"title": "x", "__proto__": {"isAdmin": true, "status": "published"}}',
  '{"email": "admin@polisee.test", "password": "x", "__proto__": {"password": "x"}}',
];

/** The query strings an Express query parser could turn into objects. */
const INJECTED_QUERIES = [
  'status[$ne]=x',
  'kind[$gt]=',
  'workingGroupId[$ne]=x',
  'includeArchived[$ne]=false',
  'priority[$in][]=financing',
  'country[$regex]=.*',
  '__proto__[isAdmin]=true',
  'constructor[prototype][isAdmin]=true',
  'limit[$gt]=0',
  'language[$ne]=en',
];

/** Params as a client could send them (percent-encoded JSON, operator-looking segments). */
const INJECTED_PARAMS = [
  encodeURIComponent('{"$ne":null}'),
  encodeURIComponent('{"$gt":""}'),
  '$ne',
  '[$ne]=1',
  '__proto__',
  'constructor',
];

interface BodyRoute {
  method: 'POST' | 'PATCH' | 'PUT';
  path: () => string;
  fields: string[];
  /** Fields that are arrays of ids: a plain array of strings is a valid value there. */
  idArrays?: string[];
  /** Who calls it (anonymous routes are called without a session). */
  as: 'admin' | 'anonymous';
}

const BODY_ROUTES: BodyRoute[] = [
  { method: 'POST', path: () => '/api/auth/login', fields: ['email', 'password'], as: 'anonymous' },
  {
    method: 'POST',
    path: () => '/api/auth/password',
    fields: ['currentPassword', 'newPassword'],
    as: 'admin',
  },
  { method: 'PATCH', path: () => '/api/me', fields: ['name', 'language'], as: 'admin' },
  {
    method: 'POST',
    path: () => '/api/invitations',
    fields: ['email', 'organisationId', 'isAdmin', 'membership'],
    as: 'admin',
  },
  {
    method: 'POST',
    path: () => `/api/invitations/${'a'.repeat(32)}/accept`,
    fields: ['name', 'password', 'language'],
    as: 'anonymous',
  },
  {
    method: 'POST',
    path: () => '/api/documents',
    fields: ['title', 'kind', 'workingGroupId', 'thematicPriorities', 'countries', 'language'],
    as: 'admin',
  },
  {
    method: 'PATCH',
    path: () => `/api/documents/${ids.document}`,
    fields: ['title', 'thematicPriorities', 'countries', 'status'],
    as: 'admin',
  },
  {
    method: 'POST',
    path: () => '/api/organisations',
    fields: ['name', 'country', 'type'],
    as: 'admin',
  },
  {
    method: 'POST',
    path: () => '/api/working-groups',
    fields: ['name', 'description', 'thematicPriorities'],
    as: 'admin',
  },
  {
    method: 'PATCH',
    path: () => `/api/working-groups/${ids.group}`,
    fields: ['name', 'description', 'thematicPriorities'],
    as: 'admin',
  },
  {
    method: 'PUT',
    path: () => `/api/working-groups/${ids.group}/members/${ids.user}`,
    fields: ['role'],
    as: 'admin',
  },
  {
    method: 'POST',
    path: () => `/api/documents/${ids.document}/threads`,
    fields: ['priority', 'body', 'mentions', 'anchor'],
    as: 'admin',
  },
  {
    method: 'PATCH',
    path: () => `/api/threads/${ids.thread}`,
    fields: ['status', 'priority'],
    as: 'admin',
  },
  {
    method: 'POST',
    path: () => `/api/threads/${ids.thread}/messages`,
    fields: ['body', 'mentions'],
    as: 'admin',
  },
  {
    method: 'PATCH',
    path: () => `/api/threads/${ids.thread}/messages/${ids.message}`,
    fields: ['body', 'mentions'],
    as: 'admin',
  },
  {
    method: 'POST',
    path: () => '/api/notifications/read',
    fields: ['ids', 'all'],
    idArrays: ['ids'],
    as: 'admin',
  },
];

/** GET routes that parse their query string: an injected key must be a 400. */
const QUERY_ROUTES = [
  '/api/documents',
  '/api/activity',
  '/api/templates/joint_strategic_plan',
  '/api/inbox/financing',
  '/api/notifications',
  '/api/documents/:document/threads',
];

/** Every route with a path parameter (`:x` is replaced by each injected value in turn). */
const PARAM_ROUTES: { method: string; path: string }[] = [
  { method: 'GET', path: '/api/invitations/:x' },
  { method: 'POST', path: '/api/invitations/:x/accept' },
  { method: 'GET', path: '/api/documents/:x' },
  { method: 'PATCH', path: '/api/documents/:x' },
  { method: 'POST', path: '/api/documents/:x/archive' },
  { method: 'POST', path: '/api/documents/:x/unarchive' },
  { method: 'GET', path: '/api/documents/:x/content' },
  { method: 'GET', path: '/api/documents/:x/blocks' },
  { method: 'GET', path: '/api/templates/:x' },
  { method: 'PATCH', path: '/api/working-groups/:x' },
  { method: 'GET', path: '/api/working-groups/:x/members' },
  { method: 'PUT', path: '/api/working-groups/:x/members/:x' },
  { method: 'DELETE', path: '/api/working-groups/:x/members/:x' },
  { method: 'GET', path: '/api/documents/:x/threads' },
  { method: 'POST', path: '/api/documents/:x/threads' },
  { method: 'GET', path: '/api/documents/:x/mentionable' },
  { method: 'GET', path: '/api/threads/:x' },
  { method: 'PATCH', path: '/api/threads/:x' },
  { method: 'POST', path: '/api/threads/:x/read' },
  { method: 'POST', path: '/api/threads/:x/messages' },
  { method: 'PATCH', path: '/api/threads/:x/messages/:x' },
  { method: 'DELETE', path: '/api/threads/:x/messages/:x' },
  { method: 'GET', path: '/api/inbox/:x' },
];

const clientFor = (as: 'admin' | 'anonymous') =>
  as === 'admin' ? admin : new TestClient(server.baseUrl);

/** A client error, never a success and never a server error. */
function expectRefused(res: { status: number; text: string }, what: string) {
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 200)}`).toBeGreaterThanOrEqual(
    400,
  );
  expect(res.status, `${what} → ${res.status} ${res.text.slice(0, 200)}`).toBeLessThan(500);
}

describe('query-selector injection and prototype pollution', () => {
  it('refuses a login with operators instead of credentials (400, no session)', async () => {
    const c = new TestClient(server.baseUrl);
    const started = Date.now();
    const res = await c.post('/api/auth/login', {
      email: { $ne: null },
      password: { $ne: null },
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
    for (const op of OPERATORS) {
      for (const body of [
        { email: op, password: op },
        { email: 'admin@polisee.test', password: op },
        { email: op, password: TEST_PASSWORD },
      ]) {
        const r = await c.post('/api/auth/login', body);
        expect(r.status, JSON.stringify(body)).toBe(400);
      }
    }
    // `$where: sleep(1000)` never ran anywhere.
    expect(Date.now() - started).toBeLessThan(5000);
    expect(c.sessionCookie).toBeNull();
    expect((await c.get('/api/auth/me')).status).toBe(401);
  });

  it('refuses operators in every field of every body', async () => {
    for (const route of BODY_ROUTES) {
      const c = clientFor(route.as);
      for (const op of OPERATORS) {
        for (const field of route.fields) {
          if (Array.isArray(op) && route.idArrays?.includes(field)) continue;
          const res = await c.request(route.method, route.path(), { json: { [field]: op } });
          expectRefused(res, `${route.method} ${route.path()} {${field}: ${JSON.stringify(op)}}`);
        }
        // The operator as the whole body.
        const whole = await c.request(route.method, route.path(), { json: op });
        expectRefused(whole, `${route.method} ${route.path()} ${JSON.stringify(op)}`);
      }
    }
    // The admin's session survived all of it (no route was fooled into signing them out/in),
    // and the thread holds only the message it was started with.
    expect((await admin.get('/api/auth/me')).body.user.email).toBe('admin@polisee.test');
    expect((await admin.get(`/api/threads/${ids.thread}`)).body.messages).toHaveLength(1);
  });

  it('never lets a polluting body change a prototype or grant anything', async () => {
    const observer = new TestClient(server.baseUrl);
    await observer.login('observer@polisee.test', TEST_PASSWORD);
    for (const route of BODY_ROUTES) {
      for (const body of POLLUTING_BODIES) {
        const res = await clientFor(route.as).request(route.method, route.path(), { body });
        expect(res.status, `${route.method} ${route.path()} ${body}`).toBeLessThan(500);
      }
    }
    for (const body of POLLUTING_BODIES) {
      expect((await observer.request('PATCH', '/api/me', { body })).status).toBeLessThan(500);
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
    expect(({} as Record<string, unknown>).password).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('isAdmin');
    const me = await observer.get('/api/auth/me');
    expect(me.body.user.isAdmin).toBe(false);
    expect((await observer.get('/api/invitations')).status).toBe(403);
  });

  it('refuses operators and prototype keys in query strings', async () => {
    for (const template of QUERY_ROUTES) {
      const route = template.replace(':document', ids.document);
      for (const query of INJECTED_QUERIES) {
        expectRefused(await admin.get(`${route}?${query}`), `GET ${route}?${query}`);
      }
    }
    expect(({} as Record<string, unknown>).isAdmin).toBeUndefined();
  });

  it('treats operator-looking path parameters as plain, unknown ids', async () => {
    for (const route of PARAM_ROUTES) {
      for (const value of INJECTED_PARAMS) {
        const path = route.path.replaceAll(':x', value);
        const res = await admin.request(
          route.method,
          path,
          route.method === 'GET' || route.method === 'DELETE' ? {} : { json: {} },
        );
        expectRefused(res, `${route.method} ${path}`);
      }
    }
    // An anonymous invitation preview and acceptance with injected tokens: unknown, not a match.
    const anonymous = new TestClient(server.baseUrl);
    for (const value of INJECTED_PARAMS) {
      const token = value.padEnd(20, 'x');
      expectRefused(await anonymous.get(`/api/invitations/${token}`), `preview ${token}`);
    }
  });
});
