import { AppError, type Poll, type Workshop } from '@polisee/domain';
import { buildSchema, FRAGMENT_NAME } from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as Y from 'yjs';
import { liveDocumentsOver } from '../../collab/liveDocuments.js';
import { findDamage } from '../../content/documentRepair.js';
import { ydocToContent } from '../../content/yjsContent.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import {
  connectCollab,
  synced,
  waitFor,
  type CollabTestClient,
} from '../../testing/collabClient.js';
import type { TestClient } from '../../testing/httpClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import {
  buildBallot,
  buildOutcome,
  buildPoll,
  buildWorkshop,
} from '../../testing/workshopFactories.js';
import { readDemoWorkspace, signedIn, type DemoWorkspace } from '../../testing/workshopRequests.js';
import { writeWorkshopOutcome } from './writeWorkshopOutcome.js';

/**
 * The outcome written into a real notes document on the real server: it reaches a connected
 * editor live as one update, leaves the document valid for the schema, and is a named version.
 */
const schema = buildSchema();
let server: TestServer;
let live: LiveDocuments;
let demo: DemoWorkspace;
let lead: TestClient;
let notesId: string;
let workshop: Workshop;
let poll: Poll;
const editors: CollabTestClient[] = [];

const GREEK_TITLE = 'Αποτελέσματα εργαστηρίου — 1 Μαρτίου 2026';

beforeAll(async () => {
  server = await startTestServer();
  // The rooms the server runs; the version contributors are not what this test is about.
  live = liveDocumentsOver(server.collab().rooms, server.ctx.store.documentState, {
    take: () => [],
  });
  demo = await readDemoWorkspace(await signedIn(server.baseUrl, 'admin@polisee.test'));
  lead = await signedIn(server.baseUrl, 'lead@polisee.test');
  const ids = demo.userIds;
  // The notes are in Greek, the workshop in English: the section follows the document.
  const notes = await lead.post('/api/documents', {
    title: 'Σημειώσεις εργαστηρίου',
    kind: 'workshop_notes',
    workingGroupId: demo.strategyId,
    thematicPriorities: ['innovation'],
    language: 'el',
  });
  expect(notes.status).toBe(201);
  notesId = notes.body.id;

  const store = server.ctx.store.workshops;
  workshop = buildWorkshop({
    workingGroupId: demo.strategyId,
    notesDocumentId: notesId,
    createdBy: ids['lead@polisee.test']!,
    language: 'en',
    status: 'ended',
    startedAt: '2026-03-01T09:00:00.000Z',
    endedAt: '2026-03-01T11:00:00.000Z',
  });
  workshop.agenda = [
    { ...workshop.agenda[0]!, title: 'Welcome', spentSeconds: 600 },
    { ...workshop.agenda[0]!, id: 'item-priorities', title: 'Priorities', spentSeconds: 1860 },
  ];
  await store.create(workshop);

  poll = buildPoll({
    workshopId: workshop.id,
    openedBy: ids['lead@polisee.test']!,
    agendaItemId: 'item-priorities',
    question: 'Which priority comes first?',
    kind: 'dots',
    dots: 3,
    options: [
      { id: 'opt-skills', text: 'Skills' },
      { id: 'opt-green', text: 'Green transition' },
    ],
  });
  await store.createPoll(poll);
  const vote = (email: string, skills: number, green: number) =>
    store.castBallot(
      buildBallot({
        poll,
        userId: ids[email]!,
        allocations: [
          { optionId: 'opt-skills', value: skills },
          { optionId: 'opt-green', value: green },
        ],
      }),
    );
  await vote('lead@polisee.test', 2, 1);
  await vote('member@polisee.test', 1, 2);
  await store.closePoll(poll.id, '2026-03-01T10:00:00.000Z');

  await store.addOutcome(
    buildOutcome({
      workshopId: workshop.id,
      createdBy: ids['lead@polisee.test']!,
      agendaItemId: 'item-priorities',
      kind: 'decision',
      text: 'Skills come first.',
    }),
  );
  await store.addOutcome(
    buildOutcome({
      workshopId: workshop.id,
      createdBy: ids['lead@polisee.test']!,
      agendaItemId: 'item-priorities',
      kind: 'action',
      text: 'Draft the skills chapter',
      ownerId: ids['member@polisee.test']!,
      dueDate: '2026-03-20',
    }),
  );
  // Two organisations: Central Macedonia (the lead) and North-East RDA (two people).
  for (const [email, at] of [
    ['lead@polisee.test', '09:00'],
    ['member@polisee.test', '09:01'],
    ['lead.financing@polisee.test', '09:02'],
    ['member@polisee.test', '09:40'],
  ] as const) {
    await store.recordJoin({
      workshopId: workshop.id,
      userId: ids[email]!,
      joinedAt: `2026-03-01T${at}:00.000Z`,
      leftAt: null,
    });
  }
});

afterAll(async () => {
  editors.forEach((e) => e.destroy());
  await server?.close();
});

async function editor(): Promise<CollabTestClient> {
  const c = connectCollab(server.baseUrl, notesId, { cookie: lead.sessionCookie });
  editors.push(c);
  await synced(c);
  return c;
}

/** The document as the editor reads it, checked against the schema (throws if invalid). */
function readChecked(doc: Y.Doc): PMNode {
  expect(findDamage(doc)).toEqual([]);
  const node = PMNode.fromJSON(
    schema,
    yXmlFragmentToProsemirrorJSON(doc.getXmlFragment(FRAGMENT_NAME)),
  );
  node.check();
  return node;
}

const textOf = (node: PMNode) => node.textBetween(0, node.content.size, '\n', ' ');
/** The editor's document as text (read without changing it). */
const liveText = (c: CollabTestClient) => ydocToContent(c.doc).text;

describe('writeWorkshopOutcome', () => {
  it('appends the outcome to the notes live, as one update, and records a named version', async () => {
    const c = await editor();
    const before = textOf(readChecked(c.doc));
    let updates = 0;
    c.doc.on('update', () => updates++);

    const version = await writeWorkshopOutcome(server.ctx, live, workshop, {
      agendaItemId: null,
      by: demo.userIds['lead@polisee.test']!,
    });

    await waitFor(() => liveText(c).includes(GREEK_TITLE), 5000, 'the outcome reaches the editor');
    await c.roundTrip();
    expect(updates).toBe(1);

    const text = textOf(readChecked(c.doc));
    // Appended: everything that was there is still there, first.
    expect(text.startsWith(before)).toBe(true);
    const section = text.slice(before.length);
    for (const expected of [
      GREEK_TITLE,
      'Welcome — προγραμματισμός 10 λεπ., διάρκεια 10 λεπ.',
      'Priorities — προγραμματισμός 10 λεπ., διάρκεια 31 λεπ.',
      'Region of Central Macedonia',
      'North-East Regional Development Agency',
      'Ρουμανία',
      'Which priority comes first? — ψηφοφορία με κουκκίδες, ψήφισαν 2 άτομα',
      'Skills',
      '50%',
      'Skills come first. (Priorities)',
      'Draft the skills chapter — υπεύθυνος:',
      'προθεσμία: 20 Μαρτίου 2026',
    ]) {
      expect(section).toContain(expected);
    }

    expect(version).toMatchObject({
      documentId: notesId,
      kind: 'named',
      name: GREEK_TITLE,
      createdBy: demo.userIds['lead@polisee.test'],
    });
    const listed = await lead.get(`/api/documents/${notesId}/versions`);
    expect(listed.body.items[0]).toMatchObject({
      id: version.id,
      kind: 'named',
      name: GREEK_TITLE,
    });
    const content = await lead.get(`/api/documents/${notesId}/versions/${version.id}`);
    expect(content.body.text).toContain('Skills come first.');
  });

  it('appends one agenda item on demand after what is there, and refuses an unknown item', async () => {
    const c = editors[0] ?? (await editor());
    const version = await writeWorkshopOutcome(server.ctx, live, workshop, {
      agendaItemId: 'item-priorities',
      by: demo.userIds['lead@polisee.test']!,
    });
    const itemTitle = 'Αποτελέσματα για «Priorities» — 1 Μαρτίου 2026';
    await waitFor(() => liveText(c).includes(itemTitle), 5000, 'the item outcome arrives');
    const text = textOf(readChecked(c.doc));
    expect(text.indexOf(itemTitle)).toBeGreaterThan(text.indexOf(GREEK_TITLE));
    expect(text.slice(text.indexOf(itemTitle))).not.toContain('Συμμετοχή');
    expect(version.name).toBe(GREEK_TITLE);

    const unchanged = liveText(c);
    await expect(
      writeWorkshopOutcome(server.ctx, live, workshop, { agendaItemId: 'nope', by: 'x' }),
    ).rejects.toSatisfy((err) => err instanceof AppError && err.code === 'not_found');
    await c.roundTrip();
    expect(liveText(c)).toBe(unchanged);
  });
});
