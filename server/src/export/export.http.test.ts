import JSZip from 'jszip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Exports on the real server: the download's type and name, a version's and the published
 * version's file, and the same refusals as reading the document.
 */
const GREEK_TITLE = 'Σχέδιο δράσης: 2025/26';
let server: TestServer;
let lead: TestClient;
let observer: TestClient;
let outsider: TestClient;
let docId: string;

async function signIn(email: string) {
  const c = new TestClient(server.baseUrl);
  await c.login(email, TEST_PASSWORD);
  return c;
}

/** The raw answer: the test client reads bodies as text, a DOCX is bytes. */
async function download(client: TestClient, path: string) {
  const res = await fetch(server.baseUrl + path, {
    headers: { cookie: client.sessionCookie ?? '' },
  });
  return { res, bytes: Buffer.from(await res.arrayBuffer()) };
}

/** The UTF-8 name of an RFC 6266 Content-Disposition, and its ASCII fallback. */
function fileNames(disposition: string | null) {
  const star = /filename\*=UTF-8''([^;]+)/.exec(disposition ?? '')?.[1];
  const plain = /filename="([^"]*)"/.exec(disposition ?? '')?.[1];
  return { utf8: star ? decodeURIComponent(star) : null, ascii: plain ?? null };
}

beforeAll(async () => {
  server = await startTestServer();
  lead = await signIn('lead@polisee.test');
  observer = await signIn('observer@polisee.test');
  outsider = await signIn('lead.skills@polisee.test');
  const groups = await lead.get('/api/working-groups');
  const group = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await lead.post('/api/documents', {
    title: GREEK_TITLE,
    kind: 'joint_strategic_plan',
    workingGroupId: group.id,
    thematicPriorities: ['innovation'],
    language: 'el',
  });
  expect(created.status).toBe(201);
  docId = created.body.id;
});

afterAll(() => server.close());

describe('GET /api/documents/:id/export', () => {
  it('answers Markdown with the document’s headings and a Greek file name', async () => {
    const content = await lead.get(`/api/documents/${docId}/content`);
    const { res, bytes } = await download(observer, `/api/documents/${docId}/export?format=md`);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/markdown; charset=utf-8');
    expect(res.headers.get('cache-control')).toBe('private, no-store');
    const disposition = res.headers.get('content-disposition');
    expect(disposition).toMatch(/^attachment;/);
    // `:` and `/` cannot be in a file name; the Greek stays, with an ASCII fallback beside it.
    expect(fileNames(disposition)).toEqual({
      utf8: 'Σχέδιο δράσης 2025 26.md',
      ascii: expect.stringMatching(/^[\x20-\x7e]+\.md$/),
    });
    const md = bytes.toString('utf8');
    expect(md.startsWith(`# ${GREEK_TITLE}\n`)).toBe(true);
    // The template's headings, as the stored content has them.
    const headings = (content.body.json.content as { type: string; content?: { text: string }[] }[])
      .filter((n) => n.type === 'heading')
      .map((n) => (n.content ?? []).map((t) => t.text).join(''));
    expect(headings.length).toBeGreaterThan(0);
    for (const heading of headings) expect(md).toContain(heading);
  });

  it('answers DOCX, a version’s with its number in the name', async () => {
    const saved = await lead.post(`/api/documents/${docId}/versions`, { name: 'Draft for STC' });
    expect(saved.status).toBe(201);
    const { res, bytes } = await download(
      lead,
      `/api/documents/${docId}/export?format=docx&versionId=${saved.body.id}&comments=1&resolved=1&verdicts=1`,
    );
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(fileNames(res.headers.get('content-disposition')).utf8).toBe(
      `Σχέδιο δράσης 2025 26 v${saved.body.number}.docx`,
    );
    const xml = await (await JSZip.loadAsync(bytes)).file('word/document.xml')!.async('string');
    expect(xml).toContain(GREEK_TITLE);
    // The appendices, in the document's language.
    expect(xml).toContain('Σχόλια');
    expect(xml).toContain('Αποφάσεις αξιολόγησης');
  });

  it('refuses as reading does: outsiders, strangers, unknown documents and bad queries', async () => {
    const read = await outsider.get(`/api/documents/${docId}/content`);
    const exported = await outsider.get(`/api/documents/${docId}/export?format=md`);
    expect(exported.status).toBe(read.status);
    expect(exported.status).toBe(404);
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.get(`/api/documents/${docId}/export?format=md`)).status).toBe(401);
    expect(
      (await lead.get('/api/documents/00000000-0000-4000-8000-000000000000/export?format=md'))
        .status,
    ).toBe(404);
    // Never published: there is no published version to export.
    expect((await lead.get(`/api/documents/${docId}/export?format=md&published=1`)).status).toBe(
      404,
    );
    expect((await lead.get(`/api/documents/${docId}/export?format=odt`)).status).toBe(400);
    expect((await lead.get(`/api/documents/${docId}/export`)).status).toBe(400);
  });
});

describe('the sign-offs appendix (signoffs=1)', () => {
  it('lists the version’s requests: organisations, signatories, answers, texts, times, hash', async () => {
    type SessionUser = { user: { id: string; organisationId: string } };
    const signer = new TestClient(server.baseUrl);
    const { user: leadUser } = (await signer.login(
      'lead@polisee.test',
      TEST_PASSWORD,
    )) as SessionUser;
    const member = new TestClient(server.baseUrl);
    const { user: memberUser } = (await member.login(
      'member@polisee.test',
      TEST_PASSWORD,
    )) as SessionUser;
    const groupId = (await lead.get(`/api/documents/${docId}`)).body.workingGroupId as string;
    for (const user of [leadUser, memberUser]) {
      const set = await lead.put(
        `/api/working-groups/${groupId}/signatories/${user.organisationId}`,
        { userId: user.id },
      );
      expect(set.status, set.text).toBe(200);
    }
    const bare = await lead.post(`/api/documents/${docId}/versions`, { name: 'Not asked' });
    const version = await lead.post(`/api/documents/${docId}/versions`, { name: 'For sign-off' });
    expect(version.status).toBe(201);
    const requested = await lead.post(`/api/documents/${docId}/signoffs`, {
      versionId: version.body.id,
      organisationIds: [leadUser.organisationId, memberUser.organisationId],
      message: 'Παρακαλούμε για έγκριση',
    });
    expect(requested.status, requested.text).toBe(201);
    const reservation = 'Με επιφύλαξη για το κεφάλαιο 3';
    const answered = await lead.post(`/api/signoffs/${requested.body.id}/answers`, {
      answer: 'consent_with_reservations',
      text: reservation,
    });
    expect(answered.status, answered.text).toBe(201);

    const path = `/api/documents/${docId}/export?format=md&versionId=${version.body.id}&signoffs=1`;
    const { res, bytes } = await download(observer, path);
    expect(res.status).toBe(200);
    const md = bytes.toString('utf8');
    const appendix = md.slice(md.indexOf('# Εγκρίσεις εταίρων'));
    expect(appendix).not.toBe('');
    // Pending: one of the two organisations asked has not answered yet.
    expect(appendix).toContain('Έγκριση σε εκκρεμότητα');
    expect(appendix).toContain('Παρακαλούμε για έγκριση');
    expect(appendix).toContain(version.body.contentHash);
    const rows = appendix
      .split('\n')
      .filter((line) => line.startsWith('|'))
      .map((line) => line.split('|').map((c) => c.trim()));
    const orgNames = new Map(
      ((await lead.get('/api/organisations')).body.items as { id: string; name: string }[]).map(
        (o) => [o.id, o.name],
      ),
    );
    const leadRow = rows.find((r) => r[1] === orgNames.get(leadUser.organisationId));
    expect(leadRow?.[3]).toBe('Συναίνεση με επιφυλάξεις');
    expect(leadRow?.[4]).toBe(reservation);
    // The time of the answer, in UTC and named so.
    expect(leadRow?.[5]).toMatch(/UTC/);
    const memberRow = rows.find((r) => r[1] === orgNames.get(memberUser.organisationId));
    expect(memberRow?.[3]).toBe('Αναμένεται απάντηση');

    // Another version has none; the text as it is now has no sign-offs to ask for.
    const other = await download(
      lead,
      `/api/documents/${docId}/export?format=md&versionId=${bare.body.id}&signoffs=1`,
    );
    expect(other.bytes.toString('utf8')).toContain('Δεν ζητήθηκε έγκριση για αυτή την έκδοση.');
    expect((await lead.get(`/api/documents/${docId}/export?format=md&signoffs=1`)).status).toBe(
      400,
    );
  });
});
