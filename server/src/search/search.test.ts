import { ErrorResponseSchema, SearchResponseSchema, type SearchResponse } from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connectCollab, synced, type CollabTestClient } from '../testing/collabClient.js';
import { TestClient } from '../testing/httpClient.js';
import { insertTestText } from '../testing/testText.js';
import { rebuildSearchIndex } from './rebuildSearchIndex.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * Search through the real server on a real SQLite file: edits through a stock y-websocket
 * client, threads and documents through the REST API, answers through GET /api/search.
 */
let server: TestServer;
let lead: TestClient;
let skillsLead: TestClient;
const groups = new Map<string, string>();
const clients: CollabTestClient[] = [];

async function signedIn(email: string) {
  const c = new TestClient(server.baseUrl);
  await c.login(email, TEST_PASSWORD);
  return c;
}

async function newDocument(as: TestClient, group: string, title: string): Promise<string> {
  const res = await as.post('/api/documents', {
    title,
    kind: 'policy_assessment',
    workingGroupId: groups.get(group),
    thematicPriorities: ['skills'],
    language: 'el',
    countries: ['GR'],
  });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

async function search(as: TestClient, query: string): Promise<SearchResponse> {
  const res = await as.get(`/api/search?${query}`);
  expect(res.status, res.text).toBe(200);
  return SearchResponseSchema.parse(res.body);
}

/** Asks until `found` holds or `ms` have passed; returns the last answer and when it came. */
async function searchUntil(
  as: TestClient,
  query: string,
  found: (r: SearchResponse) => boolean,
  ms: number,
) {
  const started = Date.now();
  for (;;) {
    const r = await search(as, query);
    if (found(r) || Date.now() - started > ms) return { r, ms: Date.now() - started };
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

beforeAll(async () => {
  server = await startTestServer();
  lead = await signedIn('lead@polisee.test');
  skillsLead = await signedIn('lead.skills@polisee.test');
  // Each lead leads one group: lead@ leads strategy and is not in skills.
  for (const [name, as] of [
    ['strategy', lead],
    ['skills', skillsLead],
  ] as const) {
    const items = (await as.get('/api/working-groups')).body.items as {
      id: string;
      myRole: string;
    }[];
    groups.set(name, items.find((g) => g.myRole === 'wg_lead')!.id);
  }
  // Seeding the demo workspace takes long on the MongoDB stand-in.
}, 120_000);

afterAll(async () => {
  clients.forEach((c) => c.destroy());
  await server.close();
});

describe('search', () => {
  it('rebuilds the index from the store: the seeded documents are found after it', async () => {
    // Seeded before the server started: nothing indexed them.
    expect(await server.ctx.store.search.isEmpty()).toBe(true);
    const [seeded] = await server.ctx.store.documents.list({
      workingGroupIds: [groups.get('strategy')!],
    });
    const q = `q=${encodeURIComponent(seeded!.title)}`;
    expect((await search(lead, q)).total).toBe(0);
    const done = await rebuildSearchIndex(server.ctx);
    expect(done.documents).toBeGreaterThan(0);
    expect((await search(lead, q)).items.map((i) => i.documentId)).toContain(seeded!.id);
  });

  it('finds an edit made through the collaboration endpoint within 2 s, Greek without accents', async () => {
    const id = await newDocument(lead, 'strategy', 'Σχέδιο Ζαγοροχωρίων');
    // Indexed once as created, so that what follows can only come from the edit.
    const created = await searchUntil(lead, 'q=ζαγοροχωριων', (res) => res.total > 0, 4000);
    expect(created.r.items.map((i) => i.documentId)).toEqual([id]);
    expect((await search(lead, 'q=ψηφιακη')).total).toBe(0);
    const editor = connectCollab(server.baseUrl, id, { cookie: lead.sessionCookie });
    clients.push(editor);
    await synced(editor);
    insertTestText(editor.doc, 0, 'Η ψηφιακή μετάβαση των περιφερειών ');

    const { r, ms } = await searchUntil(
      lead,
      'q=ψηφιακη%20μεταβαση',
      (res) => res.items.some((i) => i.documentId === id),
      4000,
    );
    const hit = r.items.find((i) => i.documentId === id)!;
    expect(hit, 'the edit is searchable').toBeDefined();
    expect(ms).toBeLessThan(2000);
    expect(hit).toMatchObject({
      type: 'document',
      threadId: null,
      workingGroupId: groups.get('strategy'),
      kind: 'policy_assessment',
      priorities: ['skills'],
    });
    // Highlighted as written, and a quote to open the document at.
    const highlighted = hit.snippet.ranges.map((x) => hit.snippet.text.slice(x.start, x.end));
    expect(highlighted).toEqual(['ψηφιακή', 'μετάβαση']);
    expect(hit.match).toMatchObject({
      exact: 'ψηφιακή',
      suffix: expect.stringMatching(/^ μετάβαση/),
    });
    expect(r.facets.language).toContainEqual({ value: 'el', count: expect.any(Number) });
  });

  it('never answers a document of a group the reader is not in, nor counts it', async () => {
    const word = 'zyxwvutsr';
    const id = await newDocument(skillsLead, 'skills', `Hidden ${word} plan`);
    // Its own group's lead finds it: the index holds it.
    const { r: own } = await searchUntil(skillsLead, `q=${word}`, (res) => res.total > 0, 4000);
    expect(own.items.map((i) => i.documentId)).toEqual([id]);
    const other = await search(lead, `q=${word}`);
    expect(other.items).toEqual([]);
    expect(other.total).toBe(0);
    expect(other.facets.workingGroup).toEqual([]);
  });

  it('finds a thread by its message, with its thread id, and follows an edit of it', async () => {
    const id = await newDocument(lead, 'strategy', 'Plan with comments');
    const started = await lead.post(`/api/documents/${id}/threads`, {
      priority: 'financing',
      body: 'Should the quadruplehelix partners cofinance this?',
    });
    expect(started.status, started.text).toBe(201);
    const threadId = started.body.id as string;
    const { r } = await searchUntil(lead, 'q=quadruplehelix', (res) => res.total > 0, 4000);
    expect(r.items).toHaveLength(1);
    expect(r.items[0]).toMatchObject({
      type: 'thread',
      threadId,
      documentId: id,
      match: null,
    });
    expect(r.facets.priority).toEqual([{ value: 'financing', count: 1 }]);

    const messageId = started.body.messages[0].id as string;
    const edited = await lead.patch(`/api/threads/${threadId}/messages/${messageId}`, {
      body: 'Reworded without that word.',
    });
    expect(edited.status, edited.text).toBe(200);
    const { r: after } = await searchUntil(
      lead,
      'q=quadruplehelix',
      (res) => res.total === 0,
      4000,
    );
    expect(after.total).toBe(0);
  });

  it('takes the facets of the query string, repeated or not', async () => {
    const r = await search(lead, 'q=plan&type=document&type=thread&language=el&limit=5');
    expect(r.items.every((i) => i.type === 'document' || i.type === 'thread')).toBe(true);
    expect(r.items.length).toBeLessThanOrEqual(5);
  });

  it('refuses a bad query with the standard error, and anyone signed out', async () => {
    for (const query of ['', 'q=', 'q=plan&type=email', 'q=plan&limit=500', 'q=plan&sort=new']) {
      const res = await lead.get(`/api/search?${query}`);
      expect(res.status, query).toBe(400);
      const { error } = ErrorResponseSchema.parse(res.body);
      expect(error.code).toBe('validation_failed');
      expect(error.details?.length).toBeGreaterThan(0);
    }
    const anonymous = await new TestClient(server.baseUrl).get('/api/search?q=plan');
    expect(anonymous.status).toBe(401);
  });
});
