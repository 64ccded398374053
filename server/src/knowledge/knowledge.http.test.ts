import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { decodeStoredState } from '../content/yjsContent.js';
import { rebuildSearchIndex } from '../search/rebuildSearchIndex.js';
import { GOOD_PRACTICE_TITLE } from '../seed/demoKnowledge.js';
import { TestClient } from '../testing/httpClient.js';
import { startTestServer, TEST_PASSWORD, type TestServer } from '../testing/testServer.js';

/**
 * The knowledge base end to end, on the real server: a good practice of the skills group is
 * invisible until published, then readable by everyone in the workspace, draft excepted, and a
 * plan of the strategy group that links to it shows as "referenced by" to those who read it.
 */
let server: TestServer;
const c: Record<string, TestClient> = {};
const userIds: Record<string, string> = {};
let skillsGroup: string;
let strategyGroup: string;

const EMAILS = {
  // Leads the skills group only.
  skillsLead: 'lead.skills@polisee.test',
  // Observer in the strategy and financing groups, not in skills.
  observer: 'observer@polisee.test',
  // Leads strategy; no role in skills.
  strategyLead: 'lead@polisee.test',
  // Member of strategy and skills.
  member: 'member@polisee.test',
  sc: 'sc@polisee.test',
  stc: 'stc@polisee.test',
};

beforeAll(async () => {
  server = await startTestServer();
  for (const [name, email] of Object.entries(EMAILS)) {
    c[name] = new TestClient(server.baseUrl);
    const session = (await c[name].login(email, TEST_PASSWORD)) as { user: { id: string } };
    userIds[name] = session.user.id;
  }
  const groups = (await c.sc!.get('/api/working-groups')).body.items as {
    id: string;
    name: string;
  }[];
  skillsGroup = groups.find((g) => g.name.startsWith('WG3'))!.id;
  strategyGroup = groups.find((g) => g.name.startsWith('WG1'))!.id;
});

afterAll(async () => {
  await server.close();
});

/** Writes a paragraph into the stored document, as an edit that reached the server would. */
async function addParagraph(
  documentId: string,
  index: number,
  parts: { text: string; href?: string }[],
) {
  const ydoc = decodeStoredState((await server.ctx.store.documentState.load(documentId))!);
  const before = Y.encodeStateVector(ydoc);
  const paragraph = new Y.XmlElement('paragraph');
  ydoc.getXmlFragment(FRAGMENT_NAME).insert(index, [paragraph]);
  const text = new Y.XmlText();
  paragraph.insert(0, [text]);
  let at = 0;
  for (const part of parts) {
    text.insert(at, part.text, part.href ? { link: { href: part.href } } : {});
    at += part.text.length;
  }
  await server.ctx.store.documentState.append(documentId, [Y.encodeStateAsUpdate(ydoc, before)]);
  ydoc.destroy();
}

async function createDocument(
  client: TestClient,
  body: { title: string; kind: string; workingGroupId: string; thematicPriorities: string[] },
) {
  const res = await client.post('/api/documents', { language: 'en', countries: [], ...body });
  expect(res.status).toBe(201);
  return res.body.id as string;
}

/** The review workflow: a round with the committees as reviewers, both approve, the lead publishes. */
async function publish(lead: TestClient, documentId: string) {
  const round = await lead.post(`/api/documents/${documentId}/reviews`, {
    reviewerIds: [userIds.sc, userIds.stc],
    dueDate: new Date(Date.now() + 3 * 86_400_000).toISOString(),
  });
  expect(round.status).toBe(201);
  for (const reviewer of [c.sc!, c.stc!]) {
    const verdict = await reviewer.post(`/api/reviews/${round.body.id}/verdicts`, {
      verdict: 'approve',
    });
    expect(verdict.status).toBe(201);
  }
  const published = await lead.post(`/api/documents/${documentId}/publish`, {
    versionId: round.body.versionId,
  });
  expect(published.status).toBe(200);
}

const titles = (res: { body: { items: { title: string }[] } }) =>
  res.body.items.map((e) => e.title);

describe('the knowledge base', () => {
  let practiceId: string;
  let practiceUrl: string;

  it('never shows a document that is not published, to anyone', async () => {
    practiceId = await createDocument(c.skillsLead!, {
      title: 'Skills academy run by a cluster network',
      kind: 'good_practice',
      workingGroupId: skillsGroup,
      thematicPriorities: ['skills'],
    });
    practiceUrl = `https://polisee.example.org/documents/${practiceId}`;
    await addParagraph(practiceId, 1, [
      { text: 'A cluster network trains technicians with its firms and the vocational schools.' },
    ]);
    const tagged = await c.member!.patch(`/api/documents/${practiceId}`, {
      tags: ['Dual  Training', 'dual-training', 'Vocational_Schools'],
    });
    expect(tagged.status).toBe(200);
    expect(tagged.body.tags).toEqual(['dual-training', 'vocational-schools']);

    for (const reader of [c.observer!, c.member!, c.skillsLead!]) {
      expect(titles(await reader.get('/api/knowledge'))).not.toContain(
        'Skills academy run by a cluster network',
      );
      expect((await reader.get(`/api/knowledge/${practiceId}`)).status).toBe(404);
    }
  });

  it('lets an observer of another group read the published version, never the draft', async () => {
    await publish(c.skillsLead!, practiceId);

    const list = await c.observer!.get('/api/knowledge');
    expect(list.status).toBe(200);
    const entry = list.body.items.find((e: { documentId: string }) => e.documentId === practiceId);
    expect(entry).toMatchObject({
      title: 'Skills academy run by a cluster network',
      kind: 'good_practice',
      thematicPriorities: ['skills'],
      workingGroup: { id: skillsGroup },
      // No country named: the author's organisation's (the skills lead's, in Hungary).
      countries: ['HU'],
      language: 'en',
      tags: ['dual-training', 'vocational-schools'],
      summary: 'A cluster network trains technicians with its firms and the vocational schools.',
    });

    const view = await c.observer!.get(`/api/knowledge/${practiceId}`);
    expect(view.status).toBe(200);
    expect(view.body.mayOpenDocument).toBe(false);
    expect(JSON.stringify(view.body.json)).toContain('trains technicians');
    // The working draft and its history stay the group's.
    expect((await c.observer!.get(`/api/documents/${practiceId}`)).status).toBe(404);
    expect((await c.observer!.get(`/api/documents/${practiceId}/content`)).status).toBe(404);
    expect((await c.observer!.get(`/api/documents/${practiceId}/published`)).status).toBe(404);

    // What is drafted after publication is not what the knowledge base shows.
    await addParagraph(practiceId, 1, [{ text: 'Unpublished draft sentence.' }]);
    const again = await c.observer!.get(`/api/knowledge/${practiceId}`);
    expect(JSON.stringify(again.body.json)).not.toContain('Unpublished draft sentence');
  });

  it('lets everyone find the published version in search, and only its group the draft', async () => {
    await rebuildSearchIndex(server.ctx);
    const hits = async (client: TestClient, q: string) =>
      (
        (await client.get(`/api/search?q=${encodeURIComponent(q)}`)).body.items as {
          type: string;
          documentId: string;
        }[]
      ).filter((i) => i.documentId === practiceId);
    // An observer of other groups: the published text, as a knowledge entry.
    expect(await hits(c.observer!, 'technicians')).toEqual([
      expect.objectContaining({ type: 'knowledge' }),
    ]);
    expect(await hits(c.observer!, 'unpublished draft')).toEqual([]);
    // Its group: the draft as a document, the published version as a knowledge entry.
    expect((await hits(c.skillsLead!, 'unpublished draft')).map((i) => i.type)).toEqual([
      'document',
    ]);
    expect((await hits(c.skillsLead!, 'technicians')).map((i) => i.type).sort()).toEqual([
      'document',
      'knowledge',
    ]);
  });

  it('filters by priority, tag, kind, country and words, with facet counts', async () => {
    const has = async (query: string) =>
      titles(await c.observer!.get(`/api/knowledge?${query}`)).includes(
        'Skills academy run by a cluster network',
      );
    expect(await has('priority=skills')).toBe(true);
    expect(await has('priority=financing')).toBe(false);
    expect(await has('tag=Dual%20Training')).toBe(true);
    expect(await has('tag=smes')).toBe(false);
    expect(await has('kind=good_practice')).toBe(true);
    expect(await has('kind=training_package')).toBe(false);
    expect(await has('country=HU')).toBe(true);
    expect(await has('country=RO')).toBe(false);
    expect(await has('q=TECHNIC')).toBe(true);
    expect(await has('q=acad%20vocat')).toBe(true);
    expect(await has('q=vouchers')).toBe(false);

    const filtered = (await c.observer!.get('/api/knowledge?priority=skills')).body;
    expect(
      filtered.items.every((e: { thematicPriorities: string[] }) =>
        e.thematicPriorities.includes('skills'),
      ),
    ).toBe(true);
    // The priority facet ignores its own filter: the seeded financing practice still counts.
    const priority = new Map(
      filtered.facets.priority.map((f: { value: string; count: number }) => [f.value, f.count]),
    );
    expect(priority.get('financing')).toBe(1);
    expect(priority.get('skills')).toBe(filtered.items.length);
    const kinds = new Map(
      filtered.facets.kind.map((f: { value: string; count: number }) => [f.value, f.count]),
    );
    expect(kinds.get('good_practice')).toBe(1);

    expect((await c.observer!.get('/api/knowledge?kind=joint_strategic_plan')).status).toBe(400);
    expect((await c.observer!.get('/api/knowledge?tag=a%2Fb')).status).toBe(400);
  });

  it('lists a plan that links to the entry once the plan is versioned, to its readers only', async () => {
    const planId = await createDocument(c.strategyLead!, {
      title: 'Joint plan citing the skills academy',
      kind: 'joint_strategic_plan',
      workingGroupId: strategyGroup,
      thematicPriorities: ['skills'],
    });
    await addParagraph(planId, 1, [
      { text: 'We follow ' },
      { text: 'the skills academy', href: `${practiceUrl}/history` },
      { text: '.' },
    ]);
    const before = await c.member!.get(`/api/knowledge/${practiceId}`);
    expect(before.body.referencedBy).toEqual([]);

    const saved = await c.strategyLead!.post(`/api/documents/${planId}/versions`, {
      name: 'Cites the academy',
    });
    expect(saved.status).toBe(201);

    const plan = {
      documentId: planId,
      title: 'Joint plan citing the skills academy',
      kind: 'joint_strategic_plan',
      opensAs: 'document',
    };
    // The member and the observer read the strategy group: the plan is listed.
    for (const reader of [c.member!, c.observer!]) {
      expect((await reader.get(`/api/knowledge/${practiceId}`)).body.referencedBy).toEqual([plan]);
    }
    // The skills lead does not read the strategy group: nothing of that plan, not even a count.
    const outsider = await c.skillsLead!.get(`/api/knowledge/${practiceId}`);
    expect(outsider.body.referencedBy).toEqual([]);
    expect(outsider.body.mayOpenDocument).toBe(true);

    // A later version without the link takes it back.
    const ydoc = decodeStoredState((await server.ctx.store.documentState.load(planId))!);
    const before2 = Y.encodeStateVector(ydoc);
    ydoc.getXmlFragment(FRAGMENT_NAME).delete(1, 1);
    await server.ctx.store.documentState.append(planId, [Y.encodeStateAsUpdate(ydoc, before2)]);
    ydoc.destroy();
    await c.strategyLead!.post(`/api/documents/${planId}/versions`, { name: 'Without the link' });
    expect((await c.member!.get(`/api/knowledge/${practiceId}`)).body.referencedBy).toEqual([]);
  });

  it('starts with the demo good practice and training package published, the plan linking to it', async () => {
    const list = (await c.observer!.get('/api/knowledge')).body;
    const seeded = list.items.find((e: { title: string }) => e.title === GOOD_PRACTICE_TITLE);
    expect(seeded).toMatchObject({
      kind: 'good_practice',
      countries: ['RO'],
      tags: ['innovation-vouchers', 'cluster-financing', 'smes'],
    });
    expect(seeded.summary).toMatch(/^Small innovation vouchers/);
    expect(list.items.some((e: { kind: string }) => e.kind === 'training_package')).toBe(true);
    const view = (await c.observer!.get(`/api/knowledge/${seeded.documentId}`)).body;
    expect(view.referencedBy.map((l: { kind: string }) => l.kind)).toEqual([
      'joint_strategic_plan',
    ]);
  });

  it('refuses anyone not signed in', async () => {
    const anonymous = new TestClient(server.baseUrl);
    expect((await anonymous.get('/api/knowledge')).status).toBe(401);
    expect((await anonymous.get(`/api/knowledge/${practiceId}`)).status).toBe(401);
  });
});
