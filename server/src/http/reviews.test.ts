import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { ydocToContent } from '../content/yjsContent.js';
import { sendDueReminders } from '../services/reviews/dueReminders.js';
import { connectCollab, synced, waitFor, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Review rounds end to end: a request freezes a version and puts the document in review,
 * reviewers are told and give one verdict each, the status follows the verdicts, the lead
 * publishes the approved version, and its content stays published while drafting goes on.
 */
let server: TestServer;
const clients: Record<string, TestClient> = {};
const ids: Record<string, string> = {};
const editors: CollabTestClient[] = [];
let groupId: string;

async function signIn(name: string, email: string) {
  const c = new TestClient(server.baseUrl);
  const session = (await c.login(email, TEST_PASSWORD)) as { user: { id: string } };
  clients[name] = c;
  ids[name] = session.user.id;
}

beforeAll(async () => {
  server = await startTestServer();
  await signIn('lead', 'lead@polisee.test');
  await signIn('member', 'member@polisee.test');
  await signIn('observer', 'observer@polisee.test');
  await signIn('sc', 'sc@polisee.test');
  await signIn('stc', 'stc@polisee.test');
  await signIn('outsider', 'lead.skills@polisee.test');
  const groups = await clients.lead!.get('/api/working-groups');
  groupId = groups.body.items.find((g: { myRole: string }) => g.myRole === 'wg_lead').id;
});

afterAll(async () => {
  editors.forEach((e) => e.destroy());
  await server.close();
});

async function newDocument(title: string): Promise<string> {
  const created = await clients.member!.post('/api/documents', {
    title,
    kind: 'policy_assessment',
    workingGroupId: groupId,
    thematicPriorities: ['financing'],
    language: 'en',
  });
  return created.body.id;
}

/** The service context with its clock set to `ms`. */
const at = (ms: number) => ({ ...server.ctx, now: () => new Date(ms) });

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** Appends a paragraph as the member's editor would, and waits for the server to have it. */
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

async function notificationsOf(name: string) {
  return (await clients[name]!.get('/api/notifications')).body.items as {
    type: string;
    documentId: string;
    threadId: string | null;
  }[];
}

const statusOf = async (docId: string) =>
  (await clients.lead!.get(`/api/documents/${docId}`)).body.status as string;

describe('review rounds', () => {
  let docId: string;
  let round1: { id: string; versionId: string };

  beforeAll(async () => {
    docId = await newDocument('Reviewed assessment');
    await edit(docId, 'Findings before the review.');
  });

  it('lets the lead request a review: a frozen version, in review, reviewers told', async () => {
    const res = await clients.lead!.post(`/api/documents/${docId}/reviews`, {
      reviewerIds: [ids.sc, ids.stc],
      dueDate: inDays(5),
      message: 'Please review the findings by Friday.',
      versionName: 'For the steering committee',
    });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      documentId: docId,
      round: 1,
      state: 'open',
      outcome: 'pending',
      isCurrent: true,
      changedSinceRequested: false,
      requestedBy: ids.lead,
      reviewers: [
        { userId: ids.sc, verdict: null },
        { userId: ids.stc, verdict: null },
      ],
      version: { kind: 'review', name: 'For the steering committee', documentStatus: 'in_review' },
    });
    expect(res.body.people.map((p: { id: string }) => p.id).sort()).toEqual(
      [ids.lead, ids.sc, ids.stc].sort(),
    );
    round1 = res.body;
    expect(await statusOf(docId)).toBe('in_review');
    const scNews = await notificationsOf('sc');
    expect(scNews[0]).toMatchObject({
      type: 'review_requested',
      documentId: docId,
      threadId: null,
    });
    // The member owns the document: told of the status change.
    expect((await notificationsOf('member'))[0]).toMatchObject({
      type: 'status_changed',
      documentId: docId,
    });
    const content = await clients.sc!.get(`/api/documents/${docId}/versions/${round1.versionId}`);
    expect(content.body.text).toContain('Findings before the review.');
  });

  it('refuses review requests from anyone but the lead, and reviewers who cannot read', async () => {
    const body = { reviewerIds: [ids.sc], dueDate: inDays(3) };
    expect((await clients.member!.post(`/api/documents/${docId}/reviews`, body)).status).toBe(403);
    const outsider = await clients.lead!.post(`/api/documents/${docId}/reviews`, {
      ...body,
      reviewerIds: [ids.sc, ids.outsider],
    });
    expect(outsider.status).toBe(400);
    expect(outsider.body.error.details).toEqual([
      {
        path: 'reviewerIds.1',
        code: 'invalid_value',
        message: 'not a user who may read this document',
      },
    ]);
    const past = await clients.lead!.post(`/api/documents/${docId}/reviews`, {
      ...body,
      dueDate: inDays(-1),
    });
    expect(past.status).toBe(400);
    expect(past.body.error.details[0]).toMatchObject({ path: 'dueDate', code: 'in_the_past' });
  });

  it('tells reviewers when the document changed after they were asked', async () => {
    await edit(docId, 'Drafting goes on during the review.');
    const list = await clients.sc!.get(`/api/documents/${docId}/reviews`);
    expect(list.body.items[0]).toMatchObject({ id: round1.id, changedSinceRequested: true });
    const diff = await clients.sc!.get(
      `/api/documents/${docId}/diff?from=${round1.versionId}&to=current`,
    );
    expect(JSON.stringify(diff.body.json)).toContain('Drafting goes on during the review.');
  });

  it('takes one verdict from each assigned reviewer; the status follows the verdicts', async () => {
    const path = `/api/reviews/${round1.id}/verdicts`;
    expect((await clients.observer!.post(path, { verdict: 'approve' })).status).toBe(403);
    expect((await clients.lead!.post(path, { verdict: 'approve' })).status).toBe(403);
    expect((await clients.outsider!.post(path, { verdict: 'approve' })).status).toBe(404);

    const approved = await clients.sc!.post(path, { verdict: 'approve' });
    expect(approved.status).toBe(201);
    expect(approved.body.outcome).toBe('pending');
    expect(await statusOf(docId)).toBe('in_review');
    expect(
      (await clients.sc!.post(path, { verdict: 'request_changes', summary: 'x' })).status,
    ).toBe(409);

    const silent = await clients.stc!.post(path, { verdict: 'request_changes' });
    expect(silent.status).toBe(400);
    expect(silent.body.error.details[0].path).toBe('summary');
    const changes = await clients.stc!.post(path, {
      verdict: 'request_changes',
      summary: 'The financing table needs 2025 figures.',
    });
    expect(changes.body).toMatchObject({
      outcome: 'changes_requested',
      reviewers: [
        { userId: ids.sc, verdict: 'approve' },
        {
          userId: ids.stc,
          verdict: 'request_changes',
          summary: 'The financing table needs 2025 figures.',
        },
      ],
    });
    expect(await statusOf(docId)).toBe('changes_requested');
    expect((await notificationsOf('lead')).map((n) => n.type)).toContain('verdict_given');
    const history = (await clients.lead!.get(`/api/documents/${docId}/versions`)).body.items;
    expect(history[0]).toMatchObject({ kind: 'status', documentStatus: 'changes_requested' });
  });

  it('runs a new round that supersedes the old; approval lets the lead publish it', async () => {
    await edit(docId, 'The 2025 figures are in.');
    const again = await clients.lead!.post(`/api/documents/${docId}/reviews`, {
      reviewerIds: [ids.stc],
      dueDate: inDays(2),
    });
    expect(again.body).toMatchObject({ round: 2, isCurrent: true });
    const round2 = again.body as { id: string; versionId: string };
    const old = await clients.sc!.get(`/api/reviews/${round1.id}`);
    expect(old.body).toMatchObject({ state: 'closed', isCurrent: false });
    expect(
      (await clients.sc!.post(`/api/reviews/${round1.id}/verdicts`, { verdict: 'approve' })).status,
    ).toBe(409);

    // Not approved yet: nothing to publish.
    const early = await clients.lead!.post(`/api/documents/${docId}/publish`, {
      versionId: round2.versionId,
    });
    expect(early.status).toBe(409);

    const ok = await clients.stc!.post(`/api/reviews/${round2.id}/verdicts`, {
      verdict: 'approve_with_reservations',
      summary: 'Fine, though the outlook is optimistic.',
    });
    expect(ok.body.outcome).toBe('approved');
    expect(await statusOf(docId)).toBe('approved');

    const body = { versionId: round2.versionId };
    expect((await clients.member!.post(`/api/documents/${docId}/publish`, body)).status).toBe(403);
    const wrong = await clients.lead!.post(`/api/documents/${docId}/publish`, {
      versionId: round1.versionId,
    });
    expect(wrong.status).toBe(409);
    const published = await clients.lead!.post(`/api/documents/${docId}/publish`, body);
    expect(published.status).toBe(200);
    expect(published.body.document.status).toBe('published');
    expect(published.body.publication).toMatchObject({
      documentId: docId,
      versionId: round2.versionId,
      publishedBy: ids.lead,
    });
    expect((await clients.lead!.get(`/api/reviews/${round2.id}`)).body.state).toBe('closed');
    const history = (await clients.lead!.get(`/api/documents/${docId}/versions`)).body.items;
    expect(history[0]).toMatchObject({
      kind: 'published',
      sourceVersionId: round2.versionId,
      documentStatus: 'published',
    });

    // Drafting goes on in the live document; the published text stays what was approved.
    const frozen = (await clients.lead!.get(`/api/documents/${docId}/versions/${round2.versionId}`))
      .body.text as string;
    await edit(docId, 'Written after publication.');
    const served = await clients.observer!.get(`/api/documents/${docId}/published`);
    expect(served.status).toBe(200);
    expect(served.body.text).toBe(frozen);
    expect(served.body.text).toContain('The 2025 figures are in.');
    expect(served.body.text).not.toContain('Written after publication.');
    expect((await clients.outsider!.get(`/api/documents/${docId}/published`)).status).toBe(404);
  });

  it('answers 404 for the published content of a document never published', async () => {
    const fresh = await newDocument('Never published');
    const res = await clients.lead!.get(`/api/documents/${fresh}/published`);
    expect(res.status).toBe(404);
  });

  it('records each step in the document’s own activity feed', async () => {
    const feed = await clients.observer!.get(`/api/documents/${docId}/activity?limit=50`);
    expect(feed.status).toBe(200);
    const types = (feed.body.items as { type: string; documentId: string }[]).map((a) => a.type);
    for (const type of [
      'document_created',
      'review_requested',
      'verdict_given',
      'status_changed',
      'document_published',
    ]) {
      expect(types, type).toContain(type);
    }
    expect((feed.body.items as { documentId: string }[]).every((a) => a.documentId === docId)).toBe(
      true,
    );
    expect((await clients.outsider!.get(`/api/documents/${docId}/activity`)).status).toBe(404);
  });
});

describe('due-date reminders', () => {
  it('reminds the reviewers who have not answered, once, 24 hours before the due date', async () => {
    const docId = await newDocument('Due soon');
    const due = new Date(Date.now() + 3 * 86_400_000);
    const review = await clients.lead!.post(`/api/documents/${docId}/reviews`, {
      reviewerIds: [ids.sc, ids.stc],
      dueDate: due.toISOString(),
    });
    await clients.stc!.post(`/api/reviews/${review.body.id}/verdicts`, { verdict: 'approve' });
    const reminded = async (name: string) =>
      (await notificationsOf(name)).filter(
        (n) => n.type === 'review_due_soon' && n.documentId === docId,
      ).length;

    expect(await sendDueReminders(at(Date.now()))).toBe(0);
    expect(await sendDueReminders(at(due.getTime() - 25 * 3_600_000))).toBe(0);
    expect(await sendDueReminders(at(due.getTime() - 23 * 3_600_000))).toBe(1);
    expect(await reminded('sc')).toBe(1);
    expect(await reminded('stc')).toBe(0);
    expect(await sendDueReminders(at(due.getTime() - 1 * 3_600_000))).toBe(0);
    expect(await reminded('sc')).toBe(1);
  });

  it('sends none for a round requested with less than a day to go', async () => {
    const docId = await newDocument('Due tomorrow morning');
    const due = new Date(Date.now() + 12 * 3_600_000);
    await clients.lead!.post(`/api/documents/${docId}/reviews`, {
      reviewerIds: [ids.sc],
      dueDate: due.toISOString(),
    });
    expect(await sendDueReminders(at(due.getTime() - 6 * 3_600_000))).toBe(0);
  });
});
