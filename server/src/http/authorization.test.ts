import { CLIENT_EVENTS, SERVER_EVENTS } from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { waitFor } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { connectSocket } from '../testing/socketClient.js';
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
  scUserId: string;
  observerUserId: string;
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
    name: 'GET /api/documents/:id/blocks',
    run: (c, f) => c.get(`/api/documents/${f.docId}/blocks`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    // Every signed-in user gets the heatmap of what they may read (an outsider an empty one).
    name: 'GET /api/programme/assessments',
    run: (c) => c.get('/api/programme/assessments'),
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'GET /api/programme/assessments/cell',
    run: (c) => c.get('/api/programme/assessments/cell?priority=financing&country=GR'),
    allowed: ALL_SIGNED_IN,
  },
  {
    // Every signed-in user searches what they may read (an outsider finds nothing of the group).
    name: 'GET /api/search',
    run: (c) => c.get('/api/search?q=plan&type=document'),
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'GET /api/audit',
    run: (c) => c.get('/api/audit?limit=5'),
    allowed: ['admin'],
  },
  {
    name: 'GET /api/audit/export.csv',
    run: (c) => c.get('/api/audit/export.csv?action=auth.signed_in'),
    allowed: ['admin'],
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
    name: 'PATCH /api/documents/:id (hold members to suggestions)',
    // Each role names the SC member on a fresh document: a success must not change the fixture.
    run: async (c, f, admin) =>
      c.patch(`/api/documents/${await freshDocument(admin, f)}`, {
        suggestOnlyIds: [f.scUserId],
      }),
    allowed: ['admin', 'lead'],
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

  // Comment threads: commenting is its own permission (observers and committees comment).
  {
    name: 'GET /api/documents/:id/threads',
    run: (c, f) => c.get(`/api/documents/${f.docId}/threads`),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'POST /api/documents/:id/threads',
    run: (c, f) =>
      c.post(`/api/documents/${f.docId}/threads`, { priority: 'financing', body: 'Matrix' }),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/documents/:id/mentionable',
    run: (c, f) => c.get(`/api/documents/${f.docId}/mentionable`),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/threads/:id',
    run: async (c, f) => c.get(`/api/threads/${(await observerThread(f)).threadId}`),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'PATCH /api/threads/:id (resolve someone else’s thread)',
    run: async (c, f) =>
      c.patch(`/api/threads/${(await observerThread(f)).threadId}`, { status: 'resolved' }),
    // The observer is the author here: authors, the lead and editors may resolve.
    allowed: ['admin', 'lead', 'member', 'observer'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'POST /api/threads/:id/messages',
    run: async (c, f) =>
      c.post(`/api/threads/${(await observerThread(f)).threadId}/messages`, { body: 'Reply' }),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'POST /api/threads/:id/read',
    run: async (c, f) => c.post(`/api/threads/${(await observerThread(f)).threadId}/read`),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'PATCH /api/threads/:id/messages/:messageId (the observer’s message)',
    run: async (c, f) => {
      const { threadId, messageId } = await observerThread(f);
      return c.patch(`/api/threads/${threadId}/messages/${messageId}`, { body: 'Edited' });
    },
    allowed: ['observer'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'DELETE /api/threads/:id/messages/:messageId (the observer’s message)',
    run: async (c, f) => {
      const { threadId, messageId } = await observerThread(f);
      return c.delete(`/api/threads/${threadId}/messages/${messageId}`);
    },
    allowed: ['observer', 'admin'],
    denied: hiddenFromOutsider,
  },
  { name: 'GET /api/inbox', run: (c) => c.get('/api/inbox'), allowed: ALL_SIGNED_IN },
  {
    name: 'GET /api/inbox/:priority',
    run: (c) => c.get('/api/inbox/financing?status=open&filter=all'),
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'GET /api/notifications',
    run: (c) => c.get('/api/notifications'),
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'POST /api/notifications/read',
    run: (c) => c.post('/api/notifications/read', { all: true }),
    allowed: ALL_SIGNED_IN,
  },

  // Sections (headings to bind agenda items to) are read by the document's readers.
  {
    name: 'GET /api/documents/:id/sections',
    run: (c, f) => c.get(`/api/documents/${f.docId}/sections`),
    allowed: READERS,
    denied: () => 404,
  },
  // One heading by its anchor (a scenario's section links): the same readers.
  {
    name: 'GET /api/documents/:id/sections/at',
    run: (c, f) => c.get(`/api/documents/${f.docId}/sections/at?anchor=AAAA`),
    allowed: READERS,
    denied: () => 404,
  },
  // Versions: the history is read by readers; saving and restoring is editing.
  {
    name: 'GET /api/documents/:id/versions',
    run: (c, f) => c.get(`/api/documents/${f.docId}/versions`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'POST /api/documents/:id/versions',
    run: (c, f) => c.post(`/api/documents/${f.docId}/versions`, { name: 'Matrix version' }),
    allowed: EDITORS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/documents/:id/versions/:versionId',
    run: async (c, f) => c.get(`/api/documents/${f.docId}/versions/${await namedVersion(f)}`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'POST /api/documents/:id/versions/:versionId/restore',
    run: async (c, f) =>
      c.post(`/api/documents/${f.docId}/versions/${await namedVersion(f)}/restore`),
    allowed: EDITORS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/documents/:id/diff',
    run: async (c, f) =>
      c.get(`/api/documents/${f.docId}/diff?from=${await namedVersion(f)}&to=current`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'GET /api/documents/:id/activity',
    run: (c, f) => c.get(`/api/documents/${f.docId}/activity`),
    allowed: READERS,
    denied: () => 404,
  },

  // Reviews: the lead (or an admin) asks; only the assigned reviewers answer; the lead publishes.
  {
    name: 'GET /api/documents/:id/reviews',
    run: (c, f) => c.get(`/api/documents/${f.docId}/reviews`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'POST /api/documents/:id/reviews',
    run: async (c, f, admin) =>
      c.post(`/api/documents/${await freshDocument(admin, f)}/reviews`, {
        reviewerIds: [f.scUserId],
        dueDate: inDays(3),
      }),
    allowed: ['admin', 'lead'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/reviews/:id',
    run: async (c, f, admin) => c.get(`/api/reviews/${(await reviewRound(admin, f)).reviewId}`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'POST /api/reviews/:id/verdicts (the SC member and the observer are its reviewers)',
    run: async (c, f, admin) =>
      c.post(`/api/reviews/${(await reviewRound(admin, f)).reviewId}/verdicts`, {
        verdict: 'approve',
      }),
    allowed: ['sc', 'observer'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'POST /api/documents/:id/publish (an approved round)',
    run: async (c, f, admin) => {
      const { docId, versionId, reviewId } = await reviewRound(admin, f);
      await clients.get('sc')!.post(`/api/reviews/${reviewId}/verdicts`, { verdict: 'approve' });
      await clients
        .get('observer')!
        .post(`/api/reviews/${reviewId}/verdicts`, { verdict: 'approve' });
      return c.post(`/api/documents/${docId}/publish`, { versionId });
    },
    allowed: ['admin', 'lead'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/documents/:id/published',
    run: async (c, f, admin) =>
      c.get(`/api/documents/${await publishedDocument(admin, f)}/published`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'GET /api/documents/:id/export (Markdown, with comments and verdicts)',
    run: (c, f) => c.get(`/api/documents/${f.docId}/export?format=md&comments=1&verdicts=1`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'GET /api/documents/:id/export (the published version, DOCX)',
    run: async (c, f, admin) =>
      c.get(`/api/documents/${await publishedDocument(admin, f)}/export?format=docx&published=1`),
    allowed: READERS,
    denied: () => 404,
  },

  // Sign-offs (decision 0065): the lead (or an admin) names signatories, asks and withdraws;
  // only an organisation's signatory answers; the group's members read and export.
  {
    name: 'GET /api/working-groups/:id/signatories',
    run: (c, f) => c.get(`/api/working-groups/${f.groupId}/signatories`),
    allowed: READERS,
  },
  {
    name: 'PUT /api/working-groups/:id/signatories/:organisationId',
    run: async (c, f, admin) => {
      const { memberOrgId } = await signoffPeople(admin, f);
      return c.put(`/api/working-groups/${f.groupId}/signatories/${memberOrgId}`, {
        userId: f.memberUserId,
      });
    },
    allowed: ['admin', 'lead'],
  },
  {
    name: 'GET /api/signoffs/status',
    run: (c, f) => c.get(`/api/signoffs/status?documentIds=${f.docId}`),
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'GET /api/documents/:id/signoffs',
    run: (c, f) => c.get(`/api/documents/${f.docId}/signoffs`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'POST /api/documents/:id/signoffs',
    run: async (c, f, admin) => {
      const { docId, versionId } = await documentWithVersion(admin, f);
      return c.post(`/api/documents/${docId}/signoffs`, { versionId });
    },
    allowed: ['admin', 'lead'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/signoffs/:id',
    run: async (c, f, admin) => c.get(`/api/signoffs/${await signoffRequest(admin, f)}`),
    allowed: READERS,
    denied: () => 404,
  },
  {
    name: 'POST /api/signoffs/:id/answers (the member signs for their organisation)',
    run: async (c, f, admin) =>
      c.post(`/api/signoffs/${await signoffRequest(admin, f)}/answers`, { answer: 'consent' }),
    allowed: ['member'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'POST /api/signoffs/:id/withdraw',
    run: async (c, f, admin) => c.post(`/api/signoffs/${await signoffRequest(admin, f)}/withdraw`),
    allowed: ['admin', 'lead'],
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/signoffs/:id/export.csv',
    run: async (c, f, admin) => c.get(`/api/signoffs/${await signoffRequest(admin, f)}/export.csv`),
    allowed: READERS,
    denied: () => 404,
  },
  // Attribution (decision 0069): colours for readers, statistics for the group, programme
  // figures for its lead and steering committee, the whole programme for admins.
  {
    name: 'GET /api/documents/:id/authorship',
    run: (c, f) => c.get(`/api/documents/${f.docId}/authorship`),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/documents/:id/contributions',
    run: (c, f) => c.get(`/api/documents/${f.docId}/contributions?period=day`),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/documents/:id/contributions.csv',
    run: (c, f) => c.get(`/api/documents/${f.docId}/contributions.csv`),
    allowed: READERS,
    denied: hiddenFromOutsider,
  },
  {
    name: 'GET /api/contributions?workingGroupId',
    run: (c, f) => c.get(`/api/contributions?workingGroupId=${f.groupId}&groupBy=country`),
    allowed: ['admin', 'sc', 'lead'],
  },
  {
    name: 'GET /api/contributions.csv?workingGroupId',
    run: (c, f) => c.get(`/api/contributions.csv?workingGroupId=${f.groupId}`),
    allowed: ['admin', 'sc', 'lead'],
  },
  {
    name: 'GET /api/contributions (the whole programme)',
    run: (c) => c.get('/api/contributions'),
    allowed: ['admin'],
  },
  { name: 'GET /api/knowledge', run: (c) => c.get('/api/knowledge'), allowed: ALL_SIGNED_IN },
  {
    // The knowledge base is the whole workspace's (decision 0062): the demo's published practice.
    name: 'GET /api/knowledge/:documentId (published)',
    run: async (c, _f, admin) => {
      const entries = (await admin.get('/api/knowledge?kind=good_practice')).body.items;
      return c.get(`/api/knowledge/${entries[0].documentId}`);
    },
    allowed: ALL_SIGNED_IN,
  },
  {
    name: 'GET /api/knowledge/:documentId (never published)',
    run: async (c, f, admin) => c.get(`/api/knowledge/${await freshDocument(admin, f)}`),
    allowed: [],
    denied: () => 404,
  },
];

/** The member's organisation, with the member named its signatory (once). */
let signoffPeopleOnce: Promise<{ memberOrgId: string }> | undefined;
function signoffPeople(admin: TestClient, f: Fixture): Promise<{ memberOrgId: string }> {
  signoffPeopleOnce ??= (async () => {
    const users = (await admin.get('/api/users')).body.items as {
      id: string;
      organisationId: string;
    }[];
    const memberOrgId = users.find((u) => u.id === f.memberUserId)!.organisationId;
    await admin.put(`/api/working-groups/${f.groupId}/signatories/${memberOrgId}`, {
      userId: f.memberUserId,
    });
    return { memberOrgId };
  })();
  return signoffPeopleOnce;
}

/** A fresh document with a named version of its text as it is. */
async function documentWithVersion(admin: TestClient, f: Fixture) {
  const docId = await freshDocument(admin, f);
  const version = await admin.post(`/api/documents/${docId}/versions`, { name: 'For sign-off' });
  return { docId, versionId: version.body.id as string };
}

/** A fresh pending sign-off asked of the member's organisation. */
async function signoffRequest(admin: TestClient, f: Fixture): Promise<string> {
  const { memberOrgId } = await signoffPeople(admin, f);
  const { docId, versionId } = await documentWithVersion(admin, f);
  const res = await admin.post(`/api/documents/${docId}/signoffs`, {
    versionId,
    organisationIds: [memberOrgId],
  });
  return res.body.id as string;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

/** A named version of the fixture document, made once. */
let namedVersionId: Promise<string> | undefined;
function namedVersion(f: Fixture): Promise<string> {
  namedVersionId ??= clients
    .get('admin')!
    .post(`/api/documents/${f.docId}/versions`, { name: 'Matrix base' })
    .then((res) => res.body.id as string);
  return namedVersionId;
}

/** A fresh document in review, with the SC member and the observer as its reviewers. */
async function reviewRound(
  admin: TestClient,
  f: Fixture,
): Promise<{ docId: string; reviewId: string; versionId: string }> {
  const docId = await freshDocument(admin, f);
  const res = await admin.post(`/api/documents/${docId}/reviews`, {
    reviewerIds: [f.scUserId, f.observerUserId],
    dueDate: inDays(3),
  });
  return { docId, reviewId: res.body.id, versionId: res.body.versionId };
}

/** A document published once, for the readers of its published content. */
let publishedDocumentId: Promise<string> | undefined;
function publishedDocument(admin: TestClient, f: Fixture): Promise<string> {
  publishedDocumentId ??= (async () => {
    const { docId, reviewId, versionId } = await reviewRound(admin, f);
    for (const reviewer of ['sc', 'observer'] as const) {
      await clients
        .get(reviewer)!
        .post(`/api/reviews/${reviewId}/verdicts`, { verdict: 'approve' });
    }
    await admin.post(`/api/documents/${docId}/publish`, { versionId });
    return docId;
  })();
  return publishedDocumentId;
}

/** A fresh thread started by the observer (who may comment but not edit), with its first message. */
async function observerThread(f: Fixture): Promise<{ threadId: string; messageId: string }> {
  const res = await clients
    .get('observer')!
    .post(`/api/documents/${f.docId}/threads`, { priority: 'skills', body: 'Observer thread' });
  return { threadId: res.body.id, messageId: res.body.messages[0].id };
}

let server: TestServer;
let fixture: Fixture | undefined;
const clients = new Map<RoleName, TestClient>();

beforeAll(async () => {
  // Every role writes many threads and messages within a minute here: the per-user write
  // limits are not what this file is about (security/writeLimits.test.ts is).
  server = await startTestServer({
    env: { THREAD_RATE_LIMIT: '1000', MESSAGE_RATE_LIMIT: '1000', INVITATION_RATE_LIMIT: '1000' },
  });
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
    scUserId: users.find((u) => u.email === EMAIL.sc)!.id,
    observerUserId: users.find((u) => u.email === EMAIL.observer)!.id,
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

  describe('socket.io events', () => {
    for (const role of ROLES.filter((r) => r !== 'anonymous')) {
      const reads = READERS.includes(role);
      it(`${role} ${reads ? 'receives' : 'never receives'} a document's thread events`, async () => {
        const socket = await connectSocket(server.baseUrl, clients.get(role)!.sessionCookie);
        try {
          const doc = await socket.request(CLIENT_EVENTS.subscribeDocument, {
            documentId: fixture!.docId,
          });
          expect(doc).toEqual(reads ? { ok: true } : { ok: false, error: 'not_found' });
          expect(
            await socket.request(CLIENT_EVENTS.subscribePriority, { priority: 'innovation' }),
          ).toEqual({
            ok: true,
          });
          const created = await clients
            .get('lead')!
            .post(`/api/documents/${fixture!.docId}/threads`, {
              priority: 'innovation',
              body: `Socket matrix for ${role}`,
            });
          const got = () =>
            socket.received.some(
              (r) =>
                r.event === SERVER_EVENTS.threadChanged &&
                (r.payload as { thread: { id: string } }).thread.id === created.body.id,
            );
          if (reads) await waitFor(got, 3000, 'thread event');
          else {
            // The reader's event went out with the others', before this socket's barrier.
            await socket.barrier();
            expect(got()).toBe(false);
          }
        } finally {
          socket.disconnect();
        }
      });
    }

    it('refuses a socket without a session, and malformed subscriptions', async () => {
      await expect(connectSocket(server.baseUrl, null)).rejects.toThrow();
      const socket = await connectSocket(server.baseUrl, clients.get('member')!.sessionCookie);
      try {
        for (const payload of [null, 'x', { documentId: { $ne: null } }, { priority: 'nope' }]) {
          expect(await socket.request(CLIENT_EVENTS.subscribeDocument, payload)).toMatchObject({
            ok: false,
          });
          expect(await socket.request(CLIENT_EVENTS.subscribePriority, payload)).toMatchObject({
            ok: false,
          });
        }
      } finally {
        socket.disconnect();
      }
    });
  });

  it('an outsider never finds another group’s threads in an inbox or a notification', async () => {
    await clients
      .get('lead')!
      .post(`/api/documents/${fixture!.docId}/threads`, { priority: 'financing', body: 'Inbox' });
    for (const priority of ['financing', 'skills']) {
      const items = (await clients.get('outsider')!.get(`/api/inbox/${priority}`)).body.items as {
        workingGroupId: string;
      }[];
      expect(items.some((t) => t.workingGroupId === fixture!.groupId)).toBe(false);
    }
    const notes = (await clients.get('outsider')!.get('/api/notifications')).body.items as {
      documentId: string;
    }[];
    expect(notes.some((n) => n.documentId === fixture!.docId)).toBe(false);
  });

  it('an outsider never sees another group’s documents in the catalogue', async () => {
    const items = (await clients.get('outsider')!.get('/api/documents')).body.items as {
      workingGroupId: string;
    }[];
    expect(items.some((d) => d.workingGroupId === fixture!.groupId)).toBe(false);
  });
});
