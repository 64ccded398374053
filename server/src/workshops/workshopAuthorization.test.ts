import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';
import {
  readDemoWorkspace,
  workshopRequest,
  type DemoWorkspace,
} from '../testing/workshopRequests.js';

/**
 * Every workshop route × every role, allowed and denied. The workshop under test belongs to WG1;
 * it is planned by the lead, who names the SC member as a second facilitator, and invites the
 * financing lead (no role in WG1) as a guest. "Outsider" is the skills lead: no role in WG1 and
 * not invited, so the workshop is hidden from them (404).
 */
type RoleName =
  'admin' | 'lead' | 'member' | 'observer' | 'sc' | 'stc' | 'guest' | 'outsider' | 'anonymous';
const EMAIL: Record<Exclude<RoleName, 'anonymous'>, string> = {
  admin: 'admin@polisee.test',
  lead: 'lead@polisee.test',
  member: 'member@polisee.test',
  observer: 'observer@polisee.test',
  sc: 'sc@polisee.test',
  stc: 'stc@polisee.test',
  guest: 'lead.financing@polisee.test',
  outsider: 'lead.skills@polisee.test',
};
const ROLES = [...Object.keys(EMAIL), 'anonymous'] as RoleName[];
const SIGNED_IN = ROLES.filter((r) => r !== 'anonymous');
/** Everyone who takes part: the group's members, admins and the guest. */
const PARTICIPANTS: RoleName[] = ['admin', 'lead', 'member', 'observer', 'sc', 'stc', 'guest'];
/** The lead (always), the facilitator the lead named, and admins. */
const FACILITATORS: RoleName[] = ['admin', 'lead', 'sc'];
/** The roles that draft in WG1. */
const DRAFTERS: RoleName[] = ['admin', 'lead', 'member'];
const hiddenFromOutsider = (role: RoleName) => (role === 'outsider' ? 404 : 403);

interface Fixture {
  demo: DemoWorkspace;
  workshopId: string;
  agendaItemId: string;
  /** A second workshop, as planned as the first but not started: its plan may still change. */
  scheduledId: string;
}

interface RouteCase {
  name: string;
  run(c: TestClient, f: Fixture): Promise<{ status: number }>;
  allowed: RoleName[];
  /** Status for signed-in roles that are refused (403, or 404 where existence is hidden). */
  denied?: (role: RoleName) => number;
}

const CASES: RouteCase[] = [
  {
    name: 'POST /api/workshops',
    run: (c, f) => c.post('/api/workshops', workshopRequest(f.demo.strategyId)),
    allowed: DRAFTERS,
  },
  { name: 'GET /api/workshops', run: (c) => c.get('/api/workshops'), allowed: SIGNED_IN },
  {
    name: 'GET /api/workshops?workingGroupId=&status=',
    run: (c, f) => c.get(`/api/workshops?workingGroupId=${f.demo.strategyId}&status=live`),
    allowed: SIGNED_IN,
  },
  {
    name: 'GET /api/workshops/:id',
    run: (c, f) => c.get(`/api/workshops/${f.workshopId}`),
    allowed: PARTICIPANTS,
    denied: () => 404,
  },
  {
    name: 'PATCH /api/workshops/:id',
    run: (c, f) => c.patch(`/api/workshops/${f.scheduledId}`, { title: 'Edited in the matrix' }),
    allowed: FACILITATORS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/workshops/:id/outcomes',
    run: (c, f) => c.get(`/api/workshops/${f.workshopId}/outcomes`),
    allowed: PARTICIPANTS,
    denied: () => 404,
  },
  {
    name: 'POST /api/workshops/:id/outcomes',
    run: (c, f) =>
      c.post(`/api/workshops/${f.workshopId}/outcomes`, {
        kind: 'decision',
        agendaItemId: f.agendaItemId,
        text: 'Recorded in the matrix',
      }),
    allowed: FACILITATORS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/workshops/:id/attendance',
    run: (c, f) => c.get(`/api/workshops/${f.workshopId}/attendance`),
    allowed: FACILITATORS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/workshops/:id/calendar.ics',
    run: (c, f) => c.get(`/api/workshops/${f.workshopId}/calendar.ics`),
    allowed: PARTICIPANTS,
    denied: () => 404,
  },
];

let server: TestServer;
let fixture: Fixture;
const clients = new Map<RoleName, TestClient>();

beforeAll(async () => {
  server = await startTestServer({ env: { THREAD_RATE_LIMIT: '1000' } });
  for (const role of ROLES) {
    const c = new TestClient(server.baseUrl);
    if (role !== 'anonymous') await c.login(EMAIL[role], TEST_PASSWORD);
    clients.set(role, c);
  }
  const demo = await readDemoWorkspace(clients.get('admin')!);
  const plan = () =>
    clients.get('lead')!.post(
      '/api/workshops',
      workshopRequest(demo.strategyId, {
        facilitatorIds: [demo.userIds[EMAIL.sc]!],
        guestIds: [demo.userIds[EMAIL.guest]!],
        documentIds: [demo.strategyDocIds[0]!],
      }),
    );
  const [created, scheduled] = [await plan(), await plan()];
  expect(created.status, created.text).toBe(201);
  expect(scheduled.status, scheduled.text).toBe(201);
  // Live, as the live session would make it: decisions are recorded once it has started.
  const stored = (await server.ctx.store.workshops.get(created.body.id))!;
  await server.ctx.store.workshops.save({ ...stored, status: 'live' });
  fixture = {
    demo,
    workshopId: stored.id,
    agendaItemId: stored.agenda[0]!.id,
    scheduledId: scheduled.body.id,
  };
});
afterAll(() => server.close());

describe('workshop authorization matrix', () => {
  for (const route of CASES) {
    for (const role of ROLES) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} — ${role} is ${allowed ? 'allowed' : 'denied'}`, async () => {
        const res = await route.run(clients.get(role)!, fixture);
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

  it('lists to each reader exactly the workshops they may see', async () => {
    // A second WG1 workshop without the guest: a guest sees nothing else of the group.
    const other = await clients
      .get('lead')!
      .post('/api/workshops', workshopRequest(fixture.demo.strategyId, { title: 'Members only' }));
    const ids = async (role: RoleName) =>
      ((await clients.get(role)!.get('/api/workshops')).body.items as { id: string }[]).map(
        (w) => w.id,
      );
    for (const role of ['admin', 'lead', 'member', 'observer', 'sc', 'stc'] as const) {
      expect(await ids(role), role).toEqual(
        expect.arrayContaining([fixture.workshopId, other.body.id]),
      );
    }
    expect(await ids('guest')).toContain(fixture.workshopId);
    expect(await ids('guest')).not.toContain(other.body.id);
    const filtered = await clients
      .get('guest')!
      .get(`/api/workshops?workingGroupId=${fixture.demo.strategyId}`);
    expect(filtered.body.items.map((w: { id: string }) => w.id).sort()).toEqual(
      [fixture.workshopId, fixture.scheduledId].sort(),
    );
    expect(await ids('outsider')).not.toContain(fixture.workshopId);
    expect(await ids('outsider')).not.toContain(other.body.id);
  });
});
