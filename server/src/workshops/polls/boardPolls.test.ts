import {
  WORKSHOP_CLIENT_EVENTS as C,
  WORKSHOP_ERRORS,
  type OpenPoll,
  type PollView,
} from '@polisee/contracts';
import {
  buildSchema,
  FRAGMENT_NAME,
  newForesightBoard,
  type JSONContent,
} from '@polisee/editor-schema';
import { Node as PMNode } from '@tiptap/pm/model';
import { initProseMirrorDoc, updateYFragment, yXmlFragmentToProsemirrorJSON } from 'y-prosemirror';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { liveDocumentsOf } from '../../testing/assessmentDocuments.js';
import type { TestClient } from '../../testing/httpClient.js';
import { startTestServer, type TestServer } from '../../testing/testServer.js';
import {
  readDemoWorkspace,
  signedIn,
  workshopRequest,
  type DemoWorkspace,
} from '../../testing/workshopRequests.js';
import {
  connectWorkshopSocket,
  joinWorkshop,
  type WorkshopSocket,
} from '../../testing/workshopSockets.js';

/**
 * Dot votes opened from a foresight board (decision 0053) on the real server: the options are
 * the board's items under their own ids, checked against the document as it is now; anything
 * else about them is an ordinary poll (ballots, hidden results, close, tally).
 */
let server: TestServer;
let demo: DemoWorkspace;
let lead: TestClient;
let workshopId: string;
let boardDocId: string;
let unlinkedDocId: string;
let facilitator: WorkshopSocket;
let member: WorkshopSocket;
const sockets: WorkshopSocket[] = [];

type PollAnswer = { ok: true; poll: PollView } | { ok: false; error: string };
type Board = { boardId: string; driverIds: string[]; scenarioIds: string[] };

/** Changes the document's content as the editor's binding would, in its live room. */
async function editContent(documentId: string, edit: (json: JSONContent) => JSONContent) {
  const schema = buildSchema();
  await liveDocumentsOf(server).change(documentId, (doc, origin) => {
    const fragment = doc.getXmlFragment(FRAGMENT_NAME);
    const edited = edit(yXmlFragmentToProsemirrorJSON(fragment) as JSONContent);
    const { meta } = initProseMirrorDoc(fragment, schema);
    doc.transact(
      () => updateYFragment(doc, fragment, PMNode.fromJSON(schema, edited), meta),
      origin,
    );
  });
}

async function appendBoard(documentId: string): Promise<Board> {
  const board = newForesightBoard({
    drivers: [
      { category: 'social', label: 'Ageing population', impact: 5, uncertainty: 2 },
      { category: 'technological', label: 'Remote work', impact: 4, uncertainty: 4 },
      { category: 'economic', label: '', impact: 2, uncertainty: 5 },
    ],
  });
  await editContent(documentId, (json) => ({
    ...json,
    content: [...(json.content ?? []), board],
  }));
  const ids = (type: string, attr: string) =>
    (board.content ?? []).filter((c) => c.type === type).map((c) => c.attrs![attr] as string);
  return {
    boardId: board.attrs!.boardId as string,
    driverIds: ids('foresightDriver', 'driverId'),
    scenarioIds: ids('foresightScenario', 'scenarioId'),
  };
}

async function createDocument(title: string): Promise<string> {
  const res = await lead.post('/api/documents', {
    title,
    kind: 'workshop_notes',
    workingGroupId: demo.strategyId,
    thematicPriorities: ['innovation'],
    language: 'en',
  });
  expect(res.status, res.text).toBe(201);
  return res.body.id as string;
}

const driverVote = (board: Board, over: Partial<OpenPoll> = {}): Omit<OpenPoll, 'workshopId'> => ({
  question: 'Which drivers matter most?',
  kind: 'dots',
  dots: 3,
  options: ['Ageing population', 'Remote work', 'Driver 3'],
  source: {
    documentId: boardDocId,
    blockId: board.boardId,
    items: 'drivers',
    itemIds: board.driverIds,
  },
  ...over,
});
const open = (poll: Omit<OpenPoll, 'workshopId'>) =>
  facilitator.ask(C.openPoll, { workshopId, ...poll }) as Promise<PollAnswer>;
const openOk = async (poll: Omit<OpenPoll, 'workshopId'>) => {
  const ack = await open(poll);
  if (!ack.ok) throw new Error(ack.error);
  return ack.poll;
};

beforeAll(async () => {
  server = await startTestServer({ env: { LOGIN_RATE_LIMIT: '1000' } });
  lead = await signedIn(server.baseUrl, 'lead@polisee.test');
  demo = await readDemoWorkspace(await signedIn(server.baseUrl, 'admin@polisee.test'));
  boardDocId = await createDocument('Foresight exercise');
  unlinkedDocId = await createDocument('Not in the workshop');
  const created = await lead.post(
    '/api/workshops',
    workshopRequest(demo.strategyId, { documentIds: [boardDocId] }),
  );
  expect(created.status, created.text).toBe(201);
  workshopId = created.body.id as string;
  facilitator = await connectWorkshopSocket(server.baseUrl, lead);
  sockets.push(facilitator);
  await joinWorkshop(facilitator, workshopId);
  expect(await facilitator.ask(C.control, { workshopId, command: { type: 'goLive' } })).toEqual({
    ok: true,
  });
  member = await connectWorkshopSocket(
    server.baseUrl,
    await signedIn(server.baseUrl, 'member@polisee.test'),
  );
  sockets.push(member);
  await joinWorkshop(member, workshopId);
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

describe('a dot vote opened from a board', () => {
  it("offers the board's drivers under their own ids, and counts by them", async () => {
    const board = await appendBoard(boardDocId);
    const poll = await openOk(driverVote(board));
    expect(poll.source).toEqual({
      documentId: boardDocId,
      blockId: board.boardId,
      items: 'drivers',
    });
    // An unnamed driver carries the name the facilitator's page gave it.
    expect(poll.options).toEqual([
      { id: board.driverIds[0], text: 'Ageing population' },
      { id: board.driverIds[1], text: 'Remote work' },
      { id: board.driverIds[2], text: 'Driver 3' },
    ]);

    const ballot = [
      { optionId: board.driverIds[1]!, value: 2 },
      { optionId: board.driverIds[2]!, value: 1 },
    ];
    const voted = (await member.ask(C.vote, {
      pollId: poll.id,
      allocations: ballot,
    })) as PollAnswer;
    expect(voted).toMatchObject({ ok: true, poll: { yourBallot: ballot, results: null } });
    const closed = (await facilitator.ask(C.closePoll, { pollId: poll.id })) as PollAnswer;
    if (!closed.ok) throw new Error(closed.error);
    expect(closed.poll.results?.options.map((o) => [o.optionId, o.total])).toEqual([
      [board.driverIds[0], 0],
      [board.driverIds[1], 2],
      [board.driverIds[2], 1],
    ]);
    // Listed over REST like any poll, source included.
    const listed = (await lead.get(`/api/workshops/${workshopId}/polls`)).body.items as PollView[];
    expect(listed.find((p) => p.id === poll.id)?.source?.blockId).toBe(board.boardId);
  });

  it('offers the scenarios the same way', async () => {
    const board = await appendBoard(boardDocId);
    const poll = await openOk({
      question: 'Which scenario should the plan prepare for?',
      kind: 'dots',
      dots: 2,
      options: ['Scenario A', 'Scenario B', 'Scenario C', 'Scenario D'],
      source: {
        documentId: boardDocId,
        blockId: board.boardId,
        items: 'scenarios',
        itemIds: board.scenarioIds,
      },
    });
    expect(poll.options.map((o) => o.id)).toEqual(board.scenarioIds);
    expect((await facilitator.ask(C.closePoll, { pollId: poll.id })).ok).toBe(true);
  });

  it("refuses a board outside the workshop's documents, and a board the document lacks", async () => {
    const board = await appendBoard(boardDocId);
    const elsewhere = await appendBoard(unlinkedDocId);
    const unlinked = driverVote(elsewhere);
    expect(
      await open({ ...unlinked, source: { ...unlinked.source!, documentId: unlinkedDocId } }),
    ).toMatchObject({ ok: false, error: WORKSHOP_ERRORS.unknownSource });
    expect(
      await open(
        driverVote(board, { source: { ...driverVote(board).source!, blockId: elsewhere.boardId } }),
      ),
    ).toMatchObject({ ok: false, error: WORKSHOP_ERRORS.unknownSource });
  });

  it('refuses options that are not the board as it is now', async () => {
    const board = await appendBoard(boardDocId);
    const base = driverVote(board);
    const [a, b, c] = board.driverIds as [string, string, string];
    const changed = { ok: false, error: WORKSHOP_ERRORS.sourceChanged };
    // An item left out, or the items in another order.
    expect(
      await open({
        ...base,
        options: ['Ageing population', 'Remote work'],
        source: { ...base.source!, itemIds: [a, b] },
      }),
    ).toMatchObject(changed);
    expect(
      await open({
        ...base,
        options: ['Remote work', 'Ageing population', 'Driver 3'],
        source: { ...base.source!, itemIds: [b, a, c] },
      }),
    ).toMatchObject(changed);
    // A label other than the driver's.
    expect(await open({ ...base, options: ['Ageing', 'Remote work', 'Driver 3'] })).toMatchObject(
      changed,
    );
    // The board renamed meanwhile: the page's old labels no longer match, the new ones do.
    await editContent(boardDocId, (json) => renameDriver(json, a, 'Older population'));
    expect(await open(base)).toMatchObject(changed);
    const reopened = await openOk({
      ...base,
      options: ['Older population', 'Remote work', 'Driver 3'],
    });
    expect(reopened.options[0]).toEqual({ id: a, text: 'Older population' });
    expect((await facilitator.ask(C.closePoll, { pollId: reopened.id })).ok).toBe(true);
  });

  it('is a dot vote, one item per option, opened by facilitators only', async () => {
    const board = await appendBoard(boardDocId);
    const base = driverVote(board);
    expect(await open({ ...base, kind: 'multiple' })).toMatchObject({
      ok: false,
      error: 'validation_failed',
    });
    expect(
      await open({
        ...base,
        source: {
          ...base.source!,
          itemIds: [board.driverIds[0]!, board.driverIds[0]!, board.driverIds[1]!],
        },
      }),
    ).toMatchObject({ ok: false, error: 'validation_failed' });
    expect(await member.ask(C.openPoll, { workshopId, ...base })).toMatchObject({
      ok: false,
      error: 'forbidden',
    });
  });
});

function renameDriver(json: JSONContent, driverId: string, label: string): JSONContent {
  const visit = (node: JSONContent): JSONContent =>
    node.type === 'foresightDriver' && node.attrs?.driverId === driverId
      ? { ...node, attrs: { ...node.attrs, label } }
      : node.content
        ? { ...node, content: node.content.map(visit) }
        : node;
  return visit(json);
}
