import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Issue 11, finding 11: document titles and people's names kept NUL and bidi overrides (U+202E),
 * which comment bodies already lost. Through the real server, every user-written string is
 * stored and served without control characters and bidi controls, composed (NFC) and trimmed.
 */
let server: TestServer;
beforeAll(async () => {
  server = await startTestServer();
});
afterAll(() => server.close());

const NUL = '\u0000';
const RLO = '\u202E';
const LRI = '\u2066';
const PDI = '\u2069';
/** What a spoofed title looks like: it reads "Budget 2040 final.pdf" once rendered. */
const DIRTY = `  Budget${NUL} 2040 ${RLO}fdp.lanif${NUL}\u0007 `;
const CLEAN = 'Budget 2040 fdp.lanif';

async function as(email: string) {
  const c = new TestClient(server.baseUrl);
  await c.login(email, TEST_PASSWORD);
  return c;
}

// eslint-disable-next-line no-control-regex
const CONTROL_OR_BIDI = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F\u202A-\u202E\u2066-\u2069]/;

/** Every string anywhere in a JSON body that holds a control or bidi character. */
function dirtyStrings(body: unknown): string[] {
  const found: string[] = [];
  const visit = (v: unknown) => {
    if (typeof v === 'string' && CONTROL_OR_BIDI.test(v)) found.push(v);
    else if (v && typeof v === 'object') Object.values(v).forEach(visit);
  };
  visit(body);
  return found;
}

describe('user-written text', () => {
  it('loses NUL and bidi overrides in a document title, created and renamed', async () => {
    const lead = await as('lead@polisee.test');
    const [group] = (await lead.get('/api/working-groups')).body.items;
    const created = await lead.post('/api/documents', {
      title: DIRTY,
      kind: 'workshop_notes',
      workingGroupId: group.id,
      thematicPriorities: ['innovation'],
      language: 'en',
    });
    expect(created.status).toBe(201);
    expect(created.body.title).toBe(CLEAN);
    const id = created.body.id as string;
    expect((await lead.get(`/api/documents/${id}`)).body.title).toBe(CLEAN);

    const renamed = await lead.patch(`/api/documents/${id}`, { title: `${LRI}Plan${PDI}${NUL} B` });
    expect(renamed.status).toBe(200);
    expect((await lead.get(`/api/documents/${id}`)).body.title).toBe('Plan B');

    const list = await lead.get('/api/documents');
    expect(list.body.items.map((d: { title: string }) => d.title)).toContain('Plan B');
    expect(dirtyStrings(list.body)).toEqual([]);
    expect(dirtyStrings((await lead.get('/api/activity')).body)).toEqual([]);
  });

  it('refuses a title that is nothing but controls', async () => {
    const lead = await as('lead@polisee.test');
    const [group] = (await lead.get('/api/working-groups')).body.items;
    const res = await lead.post('/api/documents', {
      title: `${NUL}${RLO} \t`,
      kind: 'workshop_notes',
      workingGroupId: group.id,
      thematicPriorities: ['innovation'],
      language: 'en',
    });
    expect(res.status).toBe(400);
    expect(res.body.error.code).toBe('validation_failed');
  });

  it('loses them in a name changed on the profile, and composes it', async () => {
    const member = await as('member@polisee.test');
    const res = await member.patch('/api/me', { name: ` Miha${NUL}i ${RLO}Pope\u0301scu ` });
    expect(res.status).toBe(200);
    expect(res.body.user.name).toBe('Mihai Popéscu');
    expect((await member.get('/api/auth/me')).body.user.name).toBe('Mihai Popéscu');
    const admin = await as('admin@polisee.test');
    expect(dirtyStrings((await admin.get('/api/users')).body)).toEqual([]);
  });

  it('loses them in the name given when accepting an invitation', async () => {
    const admin = await as('admin@polisee.test');
    const [org] = (await admin.get('/api/organisations')).body.items;
    const invite = await admin.post('/api/invitations', {
      email: 'dirty.name@example.test',
      organisationId: org.id,
    });
    const token = invite.body.acceptPath.split('/').pop();
    const res = await new TestClient(server.baseUrl).post(`/api/invitations/${token}/accept`, {
      name: `Ana${NUL} ${RLO}Marin`,
      password: 'orchard lantern quietly 59',
    });
    expect(res.status).toBe(201);
    expect(res.body.user.name).toBe('Ana Marin');
  });

  it('loses them in organisation and working group names and descriptions', async () => {
    const admin = await as('admin@polisee.test');
    const org = await admin.post('/api/organisations', {
      name: `Agency${NUL} ${RLO}North`,
      country: 'GR',
      type: 'development_agency',
    });
    expect(org.status).toBe(201);
    expect(org.body.name).toBe('Agency North');

    const group = await admin.post('/api/working-groups', {
      name: `WG9${NUL} ${LRI}Pilots${PDI}`,
      description: `First line${NUL}\r\nsecond ${RLO}line`,
      thematicPriorities: ['skills'],
    });
    expect(group.status).toBe(201);
    expect(group.body).toMatchObject({
      name: 'WG9 Pilots',
      description: 'First line\nsecond line',
    });
    const renamed = await admin.patch(`/api/working-groups/${group.body.id}`, {
      name: `WG9${RLO} renamed`,
    });
    expect(renamed.body.name).toBe('WG9 renamed');
    expect(dirtyStrings((await admin.get('/api/working-groups')).body)).toEqual([]);
    expect(dirtyStrings((await admin.get('/api/organisations')).body)).toEqual([]);
  });
});
