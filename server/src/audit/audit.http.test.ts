import type { AuditAction, AuditEntry } from '@polisee/domain';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';
import { purgeAuditEntries } from './purgeAuditEntries.js';

/**
 * The audit log through the real server: what sign-ins, refusals and governance actions leave
 * behind, who may read it, and that nothing can change it. The server trusts the loopback proxy,
 * so each test's `X-Forwarded-For` is the client address Express computes.
 */
let server: TestServer;
let admin: TestClient;
let adminId: string;

async function loginFrom(email: string, password: string, address: string, c?: TestClient) {
  const client = c ?? new TestClient(server.baseUrl);
  const res = await client.request('POST', '/api/auth/login', {
    json: { email, password },
    headers: { 'x-forwarded-for': address },
  });
  return { client, res };
}

/** The entries of one action (and target, when given), once `count` of them are stored. */
async function entries(action: AuditAction, targetId?: string, count = 1): Promise<AuditEntry[]> {
  const query = new URLSearchParams({ action, ...(targetId ? { targetId } : {}) });
  let items: AuditEntry[] = [];
  await vi.waitFor(async () => {
    items = (await admin.get(`/api/audit?${query}`)).body.items as AuditEntry[];
    expect(items.length).toBeGreaterThanOrEqual(count);
  });
  return items;
}

beforeAll(async () => {
  server = await startTestServer({ env: { TRUST_PROXY: 'loopback', LOGIN_RATE_LIMIT: '3' } });
  ({ client: admin } = await loginFrom('admin@polisee.test', TEST_PASSWORD, '198.51.100.1'));
  adminId = (await admin.get('/api/auth/me')).body.user.id;
});
afterAll(() => server.close());

describe('the audit log records', () => {
  it('a sign-in: the user, their organisation at the time, the address Express computed', async () => {
    const [entry, ...more] = await entries('auth.signed_in', adminId);
    expect(more).toEqual([]);
    const me = (await admin.get('/api/auth/me')).body;
    expect(entry).toMatchObject({
      actorId: adminId,
      actorName: me.user.name,
      organisationId: me.organisation.id,
      organisationName: me.organisation.name,
      address: '198.51.100.1',
      targetType: 'user',
      targetId: adminId,
    });
  });

  it('a failed sign-in: nobody signed in, the account named, never the password', async () => {
    const { res } = await loginFrom('observer@polisee.test', 'not-the-password-1', '198.51.100.2');
    expect(res.status).toBe(401);
    const observer = (await admin.get('/api/users')).body.items.find(
      (u: { email: string }) => u.email === 'observer@polisee.test',
    );
    const found = await entries('auth.sign_in_failed', observer.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      actorId: null,
      address: '198.51.100.2',
      details: { email: 'observer@polisee.test' },
    });
    expect(JSON.stringify(found)).not.toContain('not-the-password-1');
  });

  it('a rate-limit block, once, with the attempted email and how long it holds', async () => {
    const address = '198.51.100.3';
    for (let i = 0; i < 3; i++) {
      const { res } = await loginFrom(`nobody${i}@polisee.test`, 'Summer2024!x', address);
      expect(res.status).toBe(401);
    }
    const { res } = await loginFrom('sprayed@polisee.test', 'Summer2024!x', address);
    expect(res.status).toBe(429);
    const blocked = (await entries('auth.rate_limited')).filter((e) => e.address === address);
    expect(blocked).toHaveLength(1);
    expect(blocked[0]).toMatchObject({
      actorId: null,
      details: { email: 'sprayed@polisee.test', route: 'POST /api/auth/login' },
    });
    expect(blocked[0]!.details.retryAfterSeconds).toBeGreaterThan(0);
  });

  it('a role change: the administrator, the person whose role changed, the new role', async () => {
    const groups = (await admin.get('/api/working-groups')).body.items;
    const groupId = groups[0].id as string;
    const member = (await admin.get('/api/users')).body.items.find(
      (u: { email: string }) => u.email === 'member@polisee.test',
    );
    const res = await admin.request('PUT', `/api/working-groups/${groupId}/members/${member.id}`, {
      json: { role: 'observer' },
      headers: { 'x-forwarded-for': '198.51.100.4' },
    });
    expect(res.status, res.text).toBe(200);
    const found = await entries('membership.role_changed', member.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      actorId: adminId,
      address: '198.51.100.4',
      targetType: 'user',
      details: { role: 'observer', workingGroupId: groupId },
    });
  });

  it('a document creation, with the document as target', async () => {
    const groupId = (await admin.get('/api/working-groups')).body.items[0].id as string;
    const res = await admin.request('POST', '/api/documents', {
      json: {
        title: 'Audited plan',
        kind: 'workshop_notes',
        workingGroupId: groupId,
        thematicPriorities: ['skills'],
        language: 'en',
      },
      headers: { 'x-forwarded-for': '198.51.100.5' },
    });
    expect(res.status, res.text).toBe(201);
    const found = await entries('document.created', res.body.id);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      actorId: adminId,
      address: '198.51.100.5',
      targetType: 'document',
      details: { documentTitle: 'Audited plan' },
    });
  });
  it('an export: one entry per download, with the exporter, address, document and format', async () => {
    const groupId = (await admin.get('/api/working-groups')).body.items[0].id as string;
    const created = await admin.post('/api/documents', {
      title: 'Exported plan',
      kind: 'workshop_notes',
      workingGroupId: groupId,
      thematicPriorities: ['skills'],
      language: 'en',
    });
    expect(created.status, created.text).toBe(201);
    const documentId = created.body.id as string;
    const res = await admin.request('GET', `/api/documents/${documentId}/export?format=md`, {
      headers: { 'x-forwarded-for': '198.51.100.8' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.text.startsWith('# Exported plan')).toBe(true);
    // The route awaits the entry before it answers: it is there now, and alone.
    const found = await entries('document.exported', documentId);
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({
      actorId: adminId,
      address: '198.51.100.8',
      targetType: 'document',
      targetId: documentId,
      details: { format: 'md' },
    });
    // A refused export (no such format) leaves nothing behind.
    const refused = await admin.get(`/api/documents/${documentId}/export?format=odt`);
    expect(refused.status).toBe(400);
    expect(await entries('document.exported', documentId)).toHaveLength(1);
  });
});

describe('reading the audit log', () => {
  it('is for administrators: 403 for a member, 401 without a session', async () => {
    const { client: member } = await loginFrom('sc@polisee.test', TEST_PASSWORD, '198.51.100.6');
    expect((await member.get('/api/audit')).status).toBe(403);
    expect((await member.get('/api/audit/export.csv')).status).toBe(403);
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.get('/api/audit')).status).toBe(401);
    expect((await anonymous.get('/api/audit/export.csv')).status).toBe(401);
  });

  it('has no route that changes or removes an entry', async () => {
    const [entry] = await entries('auth.signed_in', adminId);
    for (const path of ['/api/audit', `/api/audit/${entry!.id}`, '/api/audit/export.csv']) {
      for (const method of ['POST', 'PUT', 'PATCH', 'DELETE']) {
        const res = await admin.request(method, path, { json: {} });
        expect(res.status, `${method} ${path}`).toBe(404);
      }
    }
    expect((await entries('auth.signed_in', adminId))[0]).toEqual(entry);
  });

  it('pages newest first without skipping or repeating', async () => {
    const all = (await admin.get('/api/audit?limit=200')).body.items as AuditEntry[];
    const seen: string[] = [];
    let cursor = '';
    do {
      const page = (await admin.get(`/api/audit?limit=2${cursor && `&cursor=${cursor}`}`)).body;
      seen.push(...page.items.map((e: AuditEntry) => e.id));
      cursor = page.nextCursor ?? '';
    } while (cursor);
    expect(seen).toEqual(all.map((e) => e.id));
    expect(all.map((e) => e.at)).toEqual([...all.map((e) => e.at)].sort().reverse());
  });

  it('downloads as CSV with the same filter, formulas neutralised', async () => {
    // A name a spreadsheet would run as a formula, copied into the entry of the next sign-in.
    const { client: lead } = await loginFrom('lead@polisee.test', TEST_PASSWORD, '198.51.100.7');
    expect((await lead.patch('/api/me', { name: '=HYPERLINK("http://x")' })).status).toBe(200);
    await loginFrom('lead@polisee.test', TEST_PASSWORD, '198.51.100.7', lead);
    await vi.waitFor(async () => {
      const res = await admin.get('/api/audit/export.csv?action=auth.signed_in');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
      expect(res.headers.get('content-disposition')).toMatch(
        /^attachment; filename="?polisee-audit-[\d-]+\.csv/,
      );
      const rows = parse(res.text, { columns: true, bom: true }) as Record<string, string>[];
      expect(rows.every((r) => r.action === 'auth.signed_in')).toBe(true);
      expect(rows.map((r) => r.actorName)).toContain(`'=HYPERLINK("http://x")`);
      expect(rows.map((r) => r.address)).toContain('198.51.100.1');
    });
  });

  it('refuses an unknown filter or a bad date with a validation error', async () => {
    expect((await admin.get('/api/audit?action=everything')).status).toBe(400);
    expect((await admin.get('/api/audit?from=yesterday')).status).toBe(400);
    expect((await admin.get('/api/audit?sort=asc')).status).toBe(400);
  });
});

describe('retention', () => {
  it('purges entries past the retention period, and logs the purge itself', async () => {
    const { ctx } = server;
    const old = new Date(ctx.now().getTime() - 731 * 24 * 60 * 60 * 1000).toISOString();
    const [kept] = await entries('auth.signed_in', adminId);
    await ctx.store.audit.append({ ...kept!, id: 'past-retention', at: old });
    expect(await purgeAuditEntries(ctx, 730)).toBe(1);
    const purged = await entries('audit.purged');
    expect(purged[0]).toMatchObject({ actorId: null, address: null, details: { removed: 1 } });
    const ids = ((await admin.get('/api/audit?limit=200')).body.items as AuditEntry[]).map(
      (e) => e.id,
    );
    expect(ids).not.toContain('past-retention');
    expect(ids).toContain(kept!.id);
  });
});
