import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ydocToContent } from '../content/yjsContent.js';
import { anchorOn, markedText } from '../testing/anchors.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Versions end to end on the real server: named versions with their contributors, the history
 * (metadata only), a version's content, comparisons, and restores that reach every connected
 * editor as one new change.
 */
let server: TestServer;
const clients: Record<string, TestClient> = {};
const editors: CollabTestClient[] = [];
let docId: string;
let memberId: string;
let memberOrgId: string;

async function signIn(name: string, email: string) {
  const c = new TestClient(server.baseUrl);
  const session = await c.login(email, TEST_PASSWORD);
  clients[name] = c;
  return session as { user: { id: string; organisationId: string } };
}

beforeAll(async () => {
  server = await startTestServer();
  await signIn('lead', 'lead@polisee.test');
  const member = await signIn('member', 'member@polisee.test');
  memberId = member.user.id;
  memberOrgId = member.user.organisationId;
  await signIn('observer', 'observer@polisee.test');
  await signIn('outsider', 'lead.skills@polisee.test');
  const groups = await clients.lead!.get('/api/working-groups');
  const strategy = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead');
  const created = await clients.lead!.post('/api/documents', {
    title: 'Versioned plan',
    kind: 'workshop_notes',
    workingGroupId: strategy.id,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  docId = created.body.id;
});

afterAll(async () => {
  editors.forEach((e) => e.destroy());
  await server.close();
});

async function editor(name: string) {
  const c = connectCollab(server.baseUrl, docId, { cookie: clients[name]!.sessionCookie });
  editors.push(c);
  await synced(c);
  return c;
}

const textOf = (c: CollabTestClient) => ydocToContent(c.doc).text;

function appendParagraph(c: CollabTestClient, text: string) {
  const paragraph = new Y.XmlElement('paragraph');
  paragraph.insert(0, [new Y.XmlText(text)]);
  const fragment = c.doc.getXmlFragment(FRAGMENT_NAME);
  fragment.insert(fragment.length, [paragraph]);
}

/** Waits until the server's live document has `text` (a version taken now includes it). */
async function serverHas(text: string) {
  await waitFor(
    () => {
      const room = server.collab().rooms.room(docId);
      return !!room && ydocToContent(room.doc).text.includes(text);
    },
    5000,
    `server has "${text}"`,
  );
}

describe('versions', () => {
  let first: { id: string; number: number; contentHash: string };

  it('saves a named version with who edited since the last one, and lists it without bytes', async () => {
    const member = await editor('member');
    appendParagraph(member, 'Added by the member before the first version.');
    await serverHas('Added by the member');
    const saved = await clients.member!.post(`/api/documents/${docId}/versions`, {
      name: '  First   draft ',
    });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({
      documentId: docId,
      name: 'First draft',
      kind: 'named',
      createdBy: memberId,
      documentStatus: 'draft',
      contributors: [{ userId: memberId, organisationId: memberOrgId }],
      sourceVersionId: null,
    });
    first = saved.body;

    const list = await clients.observer!.get(`/api/documents/${docId}/versions`);
    expect(list.status).toBe(200);
    expect(list.body.items[0]).toEqual(saved.body);
    expect(list.body.nextBefore).toBeNull();
    expect(JSON.stringify(list.body)).not.toMatch(/"state"/);

    const content = await clients.observer!.get(`/api/documents/${docId}/versions/${first.id}`);
    expect(content.status).toBe(200);
    expect(content.body.text).toContain('Added by the member before the first version.');
    expect(content.body.version.id).toBe(first.id);
  });

  it('refuses named versions to those who may not edit, and hides them from outsiders', async () => {
    const observer = await clients.observer!.post(`/api/documents/${docId}/versions`, {
      name: 'Nope',
    });
    expect(observer.status).toBe(403);
    expect((await clients.outsider!.get(`/api/documents/${docId}/versions`)).status).toBe(404);
    const blank = await clients.member!.post(`/api/documents/${docId}/versions`, { name: ' ' });
    expect(blank.status).toBe(400);
    expect(blank.body.error.details[0].path).toBe('name');
  });

  it('compares a version with the current state and with another version', async () => {
    const member = editors[0]!;
    appendParagraph(member, 'A second paragraph, written later.');
    await serverHas('written later');
    const current = await clients.observer!.get(
      `/api/documents/${docId}/diff?from=${first.id}&to=current`,
    );
    expect(current.status).toBe(200);
    expect(current.body.to).toBeNull();
    expect(current.body.stats).toMatchObject({ inserted: 1, deleted: 0 });
    const json = JSON.stringify(current.body.json);
    expect(json).toContain('"diffInsert"');
    expect(json).toContain('A second paragraph, written later.');

    const second = await clients.lead!.post(`/api/documents/${docId}/versions`, {
      name: 'Second',
    });
    const between = await clients.observer!.get(
      `/api/documents/${docId}/diff?from=${first.id}&to=${second.body.id}`,
    );
    expect(between.body.stats).toEqual(current.body.stats);
    const backwards = await clients.observer!.get(
      `/api/documents/${docId}/diff?from=${second.body.id}&to=${first.id}`,
    );
    expect(backwards.body.stats).toMatchObject({ inserted: 0, deleted: 1 });

    expect((await clients.observer!.get(`/api/documents/${docId}/diff`)).status).toBe(400);
    expect(
      (await clients.observer!.get(`/api/documents/${docId}/diff?from=nope&to=current`)).status,
    ).toBe(404);
  });

  it('restores a version for everyone connected, as a new version on top of the history', async () => {
    const member = editors[0]!;
    const lead = await editor('lead');
    appendParagraph(member, 'Text that the restore takes away.');
    await waitFor(() => textOf(lead).includes('the restore takes away'), 5000, 'lead sees it');
    await serverHas('the restore takes away');
    const before = await clients.lead!.get(`/api/documents/${docId}/versions`);

    const restored = await clients.lead!.post(
      `/api/documents/${docId}/versions/${first.id}/restore`,
    );
    expect(restored.status).toBe(201);
    expect(restored.body).toMatchObject({ kind: 'restore', sourceVersionId: first.id });
    // The edits since the last version are credited to the version that covers them.
    expect(restored.body.contributors.map((c: { userId: string }) => c.userId)).toContain(memberId);

    const expected = (await clients.lead!.get(`/api/documents/${docId}/versions/${first.id}`)).body
      .text as string;
    await waitFor(() => textOf(member) === expected, 5000, 'member converges');
    await waitFor(() => textOf(lead) === expected, 5000, 'lead converges');
    expect(textOf(member)).not.toContain('the restore takes away');

    const after = await clients.lead!.get(`/api/documents/${docId}/versions`);
    expect(after.body.items[0]).toMatchObject({ id: restored.body.id, kind: 'restore' });
    // Nothing was rewritten: every earlier version is still there, and still reads as it did.
    expect(after.body.items.slice(1)).toEqual(before.body.items);
    // The content reads exactly as the version does.
    expect(restored.body.contentHash).toBe(first.contentHash);

    // The editors keep editing on top of the restore.
    appendParagraph(lead, 'Typed after the restore.');
    await waitFor(() => textOf(member).includes('Typed after the restore.'), 5000, 'sync');
  });

  it('keeps comment anchors on text that survives a restore', async () => {
    const member = editors[0]!;
    const words = 'Added by the member';
    const thread = await clients.member!.post(`/api/documents/${docId}/threads`, {
      priority: 'innovation',
      body: 'About this sentence',
      anchor: anchorOn(member.doc, words),
    });
    expect(thread.status).toBe(201);
    await waitFor(() => markedText(member.doc, thread.body.id) === words, 5000, 'anchored');
    // The first version predates the thread: restoring it keeps the anchor on its text.
    await clients.lead!.post(`/api/documents/${docId}/versions/${first.id}/restore`);
    await waitFor(() => !textOf(member).includes('Typed after the restore.'), 5000, 'restored');
    expect(markedText(member.doc, thread.body.id)).toBe(words);
  });

  it('refuses restores to those who may not edit, and unknown versions', async () => {
    expect(
      (await clients.observer!.post(`/api/documents/${docId}/versions/${first.id}/restore`)).status,
    ).toBe(403);
    expect(
      (await clients.lead!.post(`/api/documents/${docId}/versions/unknown-version/restore`)).status,
    ).toBe(404);
  });

  it('pages through a long history', async () => {
    for (let i = 0; i < 3; i++) {
      await clients.lead!.post(`/api/documents/${docId}/versions`, { name: `Page ${i}` });
    }
    const all = (await clients.lead!.get(`/api/documents/${docId}/versions?limit=1000`)).body
      .items as { number: number }[];
    const page1 = await clients.lead!.get(`/api/documents/${docId}/versions?limit=2`);
    expect(page1.body.items.map((v: { number: number }) => v.number)).toEqual(
      all.slice(0, 2).map((v) => v.number),
    );
    const page2 = await clients.lead!.get(
      `/api/documents/${docId}/versions?limit=2&before=${page1.body.nextBefore}`,
    );
    expect(page2.body.items.map((v: { number: number }) => v.number)).toEqual(
      all.slice(2, 4).map((v) => v.number),
    );
    expect(all.map((v) => v.number)).toEqual([...all.map((v) => v.number)].sort((a, b) => b - a));
    expect(all.at(-1)!.number).toBe(1);
  });
});
