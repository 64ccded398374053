import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMatrix } from '../testing/assessmentDocuments.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';
import { readDemoWorkspace, workshopRequest } from '../testing/workshopRequests.js';

/**
 * Every assessment route × every role, allowed and denied. The document belongs to WG1 and was
 * written by its lead; the financing lead (no role in WG1) reads it as a guest of a workshop
 * that links it, and the skills lead ("outsider") may not read it at all (404). One matrix lets
 * observers and committees score, the other does not.
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
const READERS: RoleName[] = ['admin', 'lead', 'member', 'observer', 'sc', 'stc', 'guest'];
const EDITORS: RoleName[] = ['admin', 'lead', 'member'];
/** Editors, and the group's observers and committee members: never a guest of another group. */
const PARTICIPANTS: RoleName[] = [...EDITORS, 'observer', 'sc', 'stc'];
/** The lead, the document's owners (the lead wrote it) and admins. */
const LEADS: RoleName[] = ['admin', 'lead'];

interface Fixture {
  docId: string;
  closed: Matrix;
  open: Matrix;
}
type Matrix = Awaited<ReturnType<typeof appendMatrix>>;

interface RouteCase {
  name: string;
  run(c: TestClient, f: Fixture): Promise<{ status: number }>;
  allowed: RoleName[];
}

const at = (f: Fixture, m: Matrix, rest = '') =>
  `/api/documents/${f.docId}/assessments/${m.matrixId}${rest}`;
const cellOf = (m: Matrix) => ({ rowId: m.rowIds[0]!, criterionId: m.criterionIds[0]! });

const CASES: RouteCase[] = [
  {
    name: 'GET /api/documents/:id/assessments/:matrixId',
    run: (c, f) => c.get(at(f, f.closed)),
    allowed: READERS,
  },
  {
    name: 'PUT …/scores (observers not allowed)',
    run: (c, f) => c.put(at(f, f.closed, '/scores'), { ...cellOf(f.closed), score: 3 }),
    allowed: EDITORS,
  },
  {
    name: 'PUT …/scores (observers allowed)',
    run: (c, f) => c.put(at(f, f.open, '/scores'), { ...cellOf(f.open), score: 3 }),
    allowed: PARTICIPANTS,
  },
  {
    name: 'DELETE …/scores/:rowId/:criterionId (observers allowed)',
    run: (c, f) => {
      const { rowId, criterionId } = cellOf(f.open);
      return c.delete(at(f, f.open, `/scores/${rowId}/${criterionId}`));
    },
    allowed: PARTICIPANTS,
  },
  {
    name: 'POST …/reveal',
    // A matrix of its own per call: a reveal happens once.
    run: async (c, f) => c.post(at(f, await matrixIn(f), '/reveal')),
    allowed: LEADS,
  },
  {
    name: 'POST …/second-round',
    run: async (c, f) => {
      const m = await matrixIn(f);
      const revealed = await clients.get('admin')!.post(at(f, m, '/reveal'));
      expect(revealed.status).toBe(200);
      return c.post(at(f, m, '/second-round'));
    },
    allowed: LEADS,
  },
];

let server: TestServer;
let fixture: Fixture;
const clients = new Map<RoleName, TestClient>();
const matrixIn = (f: Fixture) => appendMatrix(server, f.docId, { allowObservers: true });

beforeAll(async () => {
  server = await startTestServer({ env: { THREAD_RATE_LIMIT: '1000' } });
  for (const role of ROLES) {
    const c = new TestClient(server.baseUrl);
    if (role !== 'anonymous') await c.login(EMAIL[role], TEST_PASSWORD);
    clients.set(role, c);
  }
  const demo = await readDemoWorkspace(clients.get('admin')!);
  const created = await clients.get('lead')!.post('/api/documents', {
    title: 'Policy assessment',
    kind: 'workshop_notes',
    workingGroupId: demo.strategyId,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  expect(created.status, created.text).toBe(201);
  const docId = created.body.id as string;
  const workshop = await clients.get('lead')!.post(
    '/api/workshops',
    workshopRequest(demo.strategyId, {
      guestIds: [demo.userIds[EMAIL.guest]!],
      documentIds: [docId],
    }),
  );
  expect(workshop.status, workshop.text).toBe(201);
  fixture = {
    docId,
    closed: await appendMatrix(server, docId),
    open: await appendMatrix(server, docId, { allowObservers: true }),
  };
});
afterAll(() => server.close());

describe('assessment authorization matrix', () => {
  for (const route of CASES) {
    for (const role of ROLES) {
      const allowed = route.allowed.includes(role);
      it(`${route.name} — ${role} is ${allowed ? 'allowed' : 'denied'}`, async () => {
        const res = await route.run(clients.get(role)!, fixture);
        if (allowed) {
          expect(res.status, `${role} on ${route.name}`).toBe(200);
        } else if (role === 'anonymous') {
          expect(res.status).toBe(401);
        } else {
          // The document is hidden from whoever may not read it.
          expect(res.status, `${role} on ${route.name}`).toBe(role === 'outsider' ? 404 : 403);
        }
      });
    }
  }
});
