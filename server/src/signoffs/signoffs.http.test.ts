import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import * as Y from 'yjs';
import { ydocToContent } from '../content/yjsContent.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Consent sign-off end to end on the real server (decision 0065), in the demo's strategy group:
 * its lead, member and STC member sign for three organisations; the observer and the SC member
 * belong to two more that have no signatory.
 */
let server: TestServer;
const clients: Record<string, TestClient> = {};
const users: Record<string, { id: string; organisationId: string }> = {};
const editors: CollabTestClient[] = [];
let groupId: string;

const EMAILS = {
  lead: 'lead@polisee.test',
  member: 'member@polisee.test',
  stc: 'stc@polisee.test',
  sc: 'sc@polisee.test',
  observer: 'observer@polisee.test',
  admin: 'admin@polisee.test',
} as const;
type Who = keyof typeof EMAILS;
const org = (who: Who) => users[who]!.organisationId;

beforeAll(async () => {
  server = await startTestServer();
  for (const [who, email] of Object.entries(EMAILS)) {
    const c = new TestClient(server.baseUrl);
    const session = (await c.login(email, TEST_PASSWORD)) as {
      user: { id: string; organisationId: string };
    };
    clients[who] = c;
    users[who] = session.user;
  }
  const groups = await clients.lead!.get('/api/working-groups');
  groupId = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead').id;
  for (const who of ['lead', 'member', 'stc'] as const) {
    const res = await clients.lead!.put(`/api/working-groups/${groupId}/signatories/${org(who)}`, {
      userId: users[who]!.id,
    });
    expect(res.status).toBe(200);
  }
});

afterAll(async () => {
  editors.forEach((e) => e.destroy());
  await server.close();
});

/** A fresh document of the group with a named version of its text as it is. */
async function documentWithVersion(title: string) {
  const created = await clients.member!.post('/api/documents', {
    title,
    kind: 'policy_assessment',
    workingGroupId: groupId,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  const docId = created.body.id as string;
  const version = await clients.lead!.post(`/api/documents/${docId}/versions`, {
    name: 'For sign-off',
  });
  expect(version.status).toBe(201);
  return { docId, versionId: version.body.id as string };
}

/** Appends a paragraph through a stock y-websocket client, as the member's editor would. */
async function edit(docId: string, text: string) {
  const c = connectCollab(server.baseUrl, docId, { cookie: clients.member!.sessionCookie });
  editors.push(c);
  await synced(c);
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = c.doc.getXmlFragment(FRAGMENT_NAME);
  fragment.insert(fragment.length, [paragraph]);
  await waitFor(
    () => {
      const room = server.collab().rooms.room(docId);
      return !!room && ydocToContent(room.doc).text.includes(text);
    },
    5000,
    'edit on the server',
  );
}

const answer = (who: Who, requestId: string, body: { answer: string; text?: string }) =>
  clients[who]!.post(`/api/signoffs/${requestId}/answers`, body);

async function notificationsOf(who: Who, documentId: string) {
  const items = (await clients[who]!.get('/api/notifications')).body.items as {
    type: string;
    documentId: string;
  }[];
  return items.filter((n) => n.documentId === documentId).map((n) => n.type);
}

describe('signatories', () => {
  it('lists every organisation of the group, nobody named for those without one', async () => {
    const res = await clients.observer!.get(`/api/working-groups/${groupId}/signatories`);
    expect(res.status).toBe(200);
    const byOrg = new Map(
      (res.body.items as { organisationId: string; signatoryName: string | null }[]).map((o) => [
        o.organisationId,
        o.signatoryName,
      ]),
    );
    expect(byOrg.size).toBe(5);
    expect(byOrg.get(org('lead'))).toBe('Eleni Papadopoulou');
    expect(byOrg.get(org('observer'))).toBeNull();
  });

  it('is named by the lead only, and only from the organisation’s own members', async () => {
    const path = `/api/working-groups/${groupId}/signatories/${org('observer')}`;
    expect((await clients.member!.put(path, { userId: users.observer!.id })).status).toBe(403);
    // The member belongs to another organisation.
    expect((await clients.lead!.put(path, { userId: users.member!.id })).status).toBe(400);
    expect((await clients.admin!.put(path, { userId: users.observer!.id })).status).toBe(200);
    const cleared = await clients.lead!.put(path, { userId: null });
    expect(cleared.status).toBe(200);
    expect(
      cleared.body.items.find(
        (o: { organisationId: string }) => o.organisationId === org('observer'),
      ).signatory,
    ).toBeNull();
  });
});

describe('a sign-off asked of all three organisations', () => {
  let docId: string;
  let versionId: string;
  let requestId: string;

  beforeAll(async () => {
    ({ docId, versionId } = await documentWithVersion('Signed plan'));
  });

  it('is asked by the lead only; the signatories are told', async () => {
    const body = {
      versionId,
      organisationIds: [org('lead'), org('member'), org('stc')],
      message: 'Please sign off version 2',
    };
    expect((await clients.member!.post(`/api/documents/${docId}/signoffs`, body)).status).toBe(403);
    const res = await clients.lead!.post(`/api/documents/${docId}/signoffs`, body);
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ status: 'pending', quorum: 'all', required: 3 });
    requestId = res.body.id;
    expect(await notificationsOf('member', docId)).toContain('signoff_requested');
    expect(await notificationsOf('stc', docId)).toContain('signoff_requested');
    expect(await notificationsOf('observer', docId)).not.toContain('signoff_requested');
  });

  it('refuses a second pending request for the document', async () => {
    const res = await clients.lead!.post(`/api/documents/${docId}/signoffs`, { versionId });
    expect(res.status).toBe(409);
  });

  it('refuses answers from anyone but a designated signatory of an organisation asked', async () => {
    // The SC member's organisation has no signatory; the admin speaks for none.
    expect((await answer('sc', requestId, { answer: 'consent' })).status).toBe(403);
    expect((await answer('admin', requestId, { answer: 'consent' })).status).toBe(403);
    expect((await answer('observer', requestId, { answer: 'consent' })).status).toBe(403);
  });

  it('needs a text for reservations and objections', async () => {
    const res = await answer('stc', requestId, { answer: 'consent_with_reservations' });
    expect(res.status).toBe(400);
    expect((await answer('stc', requestId, { answer: 'object', text: '' })).status).toBe(400);
  });

  it('is signed off once all three consented; each answer is final', async () => {
    expect((await answer('lead', requestId, { answer: 'consent' })).status).toBe(201);
    const second = await answer('member', requestId, { answer: 'consent' });
    expect(second.body.status).toBe('pending');
    expect((await answer('member', requestId, { answer: 'object', text: 'No' })).status).toBe(409);
    const last = await answer('stc', requestId, {
      answer: 'consent_with_reservations',
      text: '=HYPERLINK("http://evil.example","Annex 2 needs figures")',
    });
    expect(last.status).toBe(201);
    expect(last.body.status).toBe('signed_off');
    expect(await notificationsOf('lead', docId)).toContain('signoff_answered');
    expect(await notificationsOf('observer', docId)).toContain('signoff_signed_off');
    const chips = await clients.observer!.get(`/api/signoffs/status?documentIds=${docId},nope`);
    expect(chips.body.items).toEqual([{ documentId: docId, requestId, status: 'signed_off' }]);
  });

  it('is not withdrawn once signed off', async () => {
    expect((await clients.lead!.post(`/api/signoffs/${requestId}/withdraw`)).status).toBe(409);
  });

  it('exports the record as CSV, formulas neutralised, with the version’s SHA-256', async () => {
    expect((await clients.observer!.get(`/api/signoffs/${requestId}/export.csv`)).status).toBe(200);
    const res = await clients.member!.get(`/api/signoffs/${requestId}/export.csv`);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toMatch(/^attachment; filename="?signoff-v\d+-/);
    const rows = parse(res.text, { bom: true, columns: true }) as Record<string, string>[];
    const version = (await clients.lead!.get(`/api/signoffs/${requestId}`)).body.version;
    expect(version.contentHash).toMatch(/^[0-9a-f]{64}$/);
    expect(rows).toHaveLength(3);
    const stc = rows.find((r) => r.answer === 'consent_with_reservations')!;
    expect(stc).toMatchObject({
      signatory: 'Georgi Dimitrov',
      text: `'=HYPERLINK("http://evil.example","Annex 2 needs figures")`,
      version_sha256: version.contentHash,
    });
    expect(rows.every((r) => r.version_sha256 === version.contentHash && r.time !== '')).toBe(true);
  });

  it('lapses when the live document is edited, shows so to all, and takes no more answers', async () => {
    await edit(docId, 'A sentence added after the sign-off.');
    const list = await clients.observer!.get(`/api/documents/${docId}/signoffs`);
    expect(list.body.items[0]).toMatchObject({ id: requestId, status: 'lapsed' });
    expect(list.body.items[0].lapsedAt).not.toBeNull();
    expect(await notificationsOf('member', docId)).toContain('signoff_lapsed');
    const chips = await clients.lead!.get(`/api/signoffs/status?documentIds=${docId}`);
    expect(chips.body.items[0].status).toBe('lapsed');
    // The record keeps the answers given.
    expect(list.body.items[0].answers).toHaveLength(3);
    // A request for the old version, now different from the text, is refused.
    const stale = await clients.lead!.post(`/api/documents/${docId}/signoffs`, { versionId });
    expect(stale.status).toBe(409);
  });
});

describe('a sign-off of 2 of 3 organisations', () => {
  it('stays pending after one objection, and is objected once the quorum is out of reach', async () => {
    const { docId, versionId } = await documentWithVersion('Two of three');
    const res = await clients.lead!.post(`/api/documents/${docId}/signoffs`, {
      versionId,
      organisationIds: [org('lead'), org('member'), org('stc')],
      quorum: 'n_of_m',
      required: 2,
    });
    expect(res.status).toBe(201);
    const id = res.body.id as string;
    const first = await answer('stc', id, { answer: 'object', text: 'Section 4 is wrong.' });
    expect(first.body.status).toBe('pending');
    const second = await answer('member', id, { answer: 'object', text: 'Agreed with STC.' });
    expect(second.body.status).toBe('objected');
    expect(await notificationsOf('observer', docId)).toContain('signoff_objected');
  });

  it('is signed off by two consents whatever the third says', async () => {
    const { docId, versionId } = await documentWithVersion('Two of three, consented');
    const res = await clients.lead!.post(`/api/documents/${docId}/signoffs`, {
      versionId,
      organisationIds: [org('lead'), org('member'), org('stc')],
      quorum: 'n_of_m',
      required: 2,
    });
    const id = res.body.id as string;
    await answer('lead', id, { answer: 'consent' });
    expect((await answer('member', id, { answer: 'consent' })).body.status).toBe('signed_off');
    expect((await answer('stc', id, { answer: 'object', text: 'Late.' })).body.status).toBe(
      'signed_off',
    );
  });

  it('refuses a quorum larger than the organisations asked', async () => {
    const { docId, versionId } = await documentWithVersion('Too many');
    const res = await clients.lead!.post(`/api/documents/${docId}/signoffs`, {
      versionId,
      organisationIds: [org('lead')],
      quorum: 'n_of_m',
      required: 2,
    });
    expect(res.status).toBe(400);
  });
});

describe('a pending sign-off', () => {
  it('asks every organisation of the group by default, and is withdrawn by the lead only', async () => {
    const { docId, versionId } = await documentWithVersion('Withdrawn');
    const res = await clients.lead!.post(`/api/documents/${docId}/signoffs`, { versionId });
    expect(res.body.organisationIds).toHaveLength(5);
    const noSignatory = res.body.organisations.find(
      (o: { organisationId: string }) => o.organisationId === org('sc'),
    );
    expect(noSignatory).toMatchObject({ signatoryId: null, answer: null });
    const id = res.body.id as string;
    expect((await clients.member!.post(`/api/signoffs/${id}/withdraw`)).status).toBe(403);
    const withdrawn = await clients.lead!.post(`/api/signoffs/${id}/withdraw`);
    expect(withdrawn.body.status).toBe('withdrawn');
    expect((await answer('member', id, { answer: 'consent' })).status).toBe(409);
  });

  it('lapses when a new version of the edited text is taken, with no one reading it', async () => {
    const { docId, versionId } = await documentWithVersion('Lapsed by a version');
    const res = await clients.lead!.post(`/api/documents/${docId}/signoffs`, { versionId });
    const id = res.body.id as string;
    await edit(docId, 'Drafting goes on.');
    await clients.member!.post(`/api/documents/${docId}/versions`, { name: 'Next draft' });
    // The watcher runs after the version is stored; nobody reads the sign-offs meanwhile.
    await vi.waitFor(
      async () => expect((await server.ctx.store.signoffs.get(id))?.lapsedAt).not.toBeNull(),
      { timeout: 5000 },
    );
  });
});
