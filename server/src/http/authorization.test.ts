import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Walks every role × every route and checks allowed or denied. "Outsider" is a user with no
 * membership in the working group under test (the skills lead), so reads are hidden (404).
 */
type RoleName = 'admin' | 'sc' | 'stc' | 'lead' | 'member' | 'observer' | 'outsider' | 'anonymous';
const EMAIL: Record<Exclude<RoleName, 'anonymous'>, string> = {
  admin: 'admin@polisee.test',
  sc: 'sc@polisee.test',
  stc: 'stc@polisee.test',
  lead: 'lead@polisee.test',
  member: 'member@polisee.test',
  observer: 'observer@polisee.test',
  outsider: 'lead.skills@polisee.test',
};
const ROLES = Object.keys(EMAIL).concat('anonymous') as RoleName[];

interface Fixture {
  groupId: string;
  docId: string;
  orgId: string;
  memberUserId: string;
}

interface RouteCase {
  name: string;
  /** Builds the request; may create fresh targets so that one role's success cannot affect another's. */
  run(c: TestClient, f: Fixture, admin: TestClient): Promise<{ status: number }>;
  allowed: RoleName[];
  /** Status for signed-in roles that are refused (403, or 404 where existence is hidden). */
  denied?: (role: RoleName) => number;
}

const ALL_SIGNED_IN: RoleName[] = ['admin', 'sc', 'stc', 'lead', 'member', 'observer', 'outsider'];
const READERS: RoleName[] = ['admin', 'sc', 'stc', 'lead', 'member', 'observer'];
const EDITORS: RoleName[] = ['admin', 'lead', 'member'];
const hiddenFromOutsider = (role: RoleName) => (role === 'outsider' ? 404 : 403);

async function freshDocument(
  admin: TestClient,
  f: Fixture,
  ownerIsMember = false,
): Promise<string> {
  const creator = ownerIsMember ? new TestClient(admin.baseUrl) : admin;
  if (ownerIsMember) await creator.login(EMAIL.member, TEST_PASSWORD);
  const res = await creator.post('/api/documents', {
    title: 'Matrix target',
    kind: 'workshop_notes',
    workingGroupId: f.groupId,
    thematicPriorities: ['skills'],
    language: 'en',
  });
  return res.body.id;
}

const CASES: RouteCase[] = [
  { name: 'GET /api/auth/me', run: (c) => c.get('/api/auth/me'), allowed: ALL_SIGNED_IN },
  {
    name: 'PATCH /api/me',
    run: (c) => c.patch('/api/me', { language: 'en' }),
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'GET /api/organisations',
    run: (c) => c.get('/api/organisations'),
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'POST /api/organisations',
    run: (c) =>
      c.post('/api/organisations', { name: 'Org', country: 'SI', type: 'cluster_network' }),
    allowed: ['admin'],
  },
  { name: 'GET /api/users', run: (c) => c.get('/api/users'), allowed: ALL_SIGNED_IN },
  {
    name: 'GET /api/working-groups',
    run: (c) => c.get('/api/working-groups'),
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'POST /api/working-groups',
    run: (c) => c.post('/api/working-groups', { name: 'WG', thematicPriorities: ['skills'] }),
    allowed: ['admin'],
  },
  {
    name: 'PATCH /api/working-groups/:id',
    run: (c, f) => c.patch(`/api/working-groups/${f.groupId}`, { description: 'Updated' }),
    allowed: ['admin'],
  },
  {
    name: 'GET /api/working-groups/:id/members',
    run: (c, f) => c.get(`/api/working-groups/${f.groupId}/members`),
    allowed: READERS,
  },
  {
    name: 'PUT /api/working-groups/:id/members/:userId',
    run: (c, f) =>
      c.put(`/api/working-groups/${f.groupId}/members/${f.memberUserId}`, { role: 'wg_member' }),
    allowed: ['admin'],
  },
  {
    name: 'DELETE /api/working-groups/:id/members/:userId',
    run: async (c, f, admin) => {
      const res = await c.delete(`/api/working-groups/${f.groupId}/members/${f.memberUserId}`);
      await admin.put(`/api/working-groups/${f.groupId}/members/${f.memberUserId}`, {
        role: 'wg_member',
      });
      return res;
    },
    allowed: ['admin'],
  },
  { name: 'GET /api/invitations', run: (c) => c.get('/api/invitations'), allowed: ['admin'] },
  {
    name: 'POST /api/invitations',
    run: (c, f) =>
      c.post('/api/invitations', {
        email: `x-${Math.random()}@example.test`,
        organisationId: f.orgId,
      }),
    allowed: ['admin'],
  },
  { name: 'GET /api/documents', run: (c) => c.get('/api/documents'), allowed: ALL_SIGNED_IN },
  {
    name: 'POST /api/documents',
    run: (c, f) =>
      c.post('/api/documents', {
        title: 'New',
        kind: 'policy_assessment',
        workingGroupId: f.groupId,
        thematicPriorities: ['financing'],
        language: 'en',
      }),
    allowed: EDITORS,
  },
  {
    name: 'GET /api/documents/:id',
    run: (c, f) => c.get(`/api/documents/${f.docId}`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'GET /api/documents/:id/content',
    run: (c, f) => c.get(`/api/documents/${f.docId}/content`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'PATCH /api/documents/:id (rename)',
    run: (c, f) => c.patch(`/api/documents/${f.docId}`, { title: 'Renamed in matrix' }),
    allowed: EDITORS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'PATCH /api/documents/:id (re-tag)',
    run: (c, f) =>
      c.patch(`/api/documents/${f.docId}`, {
        thematicPriorities: ['innovation'],
        countries: ['RO'],
      }),
    allowed: EDITORS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'POST /api/documents/:id/archive (document owned by someone else)',
    // The admin created (and owns) it; the lead may archive any document of the group.
    run: async (c, f, admin) => c.post(`/api/documents/${await freshDocument(admin, f)}/archive`),
    allowed: ['admin', 'lead'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'POST /api/documents/:id/archive (document owned by the member)',
    run: async (c, f, admin) =>
      c.post(`/api/documents/${await freshDocument(admin, f, true)}/archive`),
    allowed: ['admin', 'lead', 'member'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'POST /api/documents/:id/unarchive',
    run: async (c, f, admin) => {
      const id = await freshDocument(admin, f);
      await admin.post(`/api/documents/${id}/archive`);
      return c.post(`/api/documents/${id}/unarchive`);
    },
    allowed: ['admin', 'lead'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/templates/:kind',
    run: (c) => c.get('/api/templates/training_package?language=hu'),
    allowed: ALL_SIGNED_IN,
  },
  { name: 'GET /api/activity', run: (c) => c.get('/api/activity'), allowed: ALL_SIGNED_IN },
];

let server: TestServer;
let fixture: Fixture | undefined;
const clients = new Map<RoleName, TestClient>();

beforeAll(async () => {
  server = await startTestServer();
  for (const role of ROLES) {
    const c = new TestClient(server.baseUrl);
    if (role !== 'anonymous') await c.login(EMAIL[role], TEST_PASSWORD);
    clients.set(role, c);
  }
  const admin = clients.get('admin')!;
  const groups = (await admin.get('/api/working-groups')).body.items as {
    id: string;
    name: string;
  }[];
  const group = groups.find((g) => g.name.startsWith('WG1'))!;
  const users = (await admin.get('/api/users')).body.items as { id: string; email: string }[];
  const doc = (await admin.get(`/api/documents?workingGroupId=${group.id}`)).body.items[0];
  fixture = {
    groupId: group.id,
    docId: doc.id,
    orgId: (await admin.get('/api/organisations')).body.items[0].id,
    memberUserId: users.find((u) => u.email === EMAIL.member)!.id,
  };
});
afterAll(() => server.close());

describe('authorization matrix', () => {
  for (const route of CASES) {
    for (const role of ROLES) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} — ${role} is ${allowed ? 'allowed' : 'denied'}`, async () => {
        const res = await route.run(clients.get(role)!, fixture!, clients.get('admin')!);
        if (allowed) {
          expect(res.status, `${role} on ${route.name}`).toBeGreaterThanOrEqual(200);
          expect(res.status, `${role} on ${route.name}`).toBeLessThan(300);
        } else if (role === 'anonymous') {
          expect(res.status).toBe(401);
        } else {
          expect(res.status, `${role} on ${route.name}`).toBe(route.denied?.(role) ?? 403);
        }
      });
    }
  }

  it('an outsider never sees another group’s documents in the catalogue', async () => {
    const items = (await clients.get('outsider')!.get('/api/documents')).body.items as {
      workingGroupId: string;
    }[];
    expect(items.some((d) => d.workingGroupId === fixture!.groupId)).toBe(false);
  });
});
