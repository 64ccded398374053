import {
  WORKSHOP_CLIENT_EVENTS as C,
  WORKSHOP_ERRORS,
  WORKSHOP_REALTIME,
  WORKSHOP_SERVER_EVENTS as S,
  type PollChangedEvent,
  type PollView,
} from '@polisee/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '../../services/passwords.js';
import { buildUser } from '../../testing/factories.js';
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
 * Polls in a live workshop against the real server: nothing of a ballot or a tally crosses the
 * wire before close (raw packets), ballots count once, limits hold, refusals reach the sender
 * alone, and 100 voters within a second are all counted exactly once.
 */
const VOTER_PASSWORD = 'a-voter-password-for-tests';
let server: TestServer;
let demo: DemoWorkspace;
let lead: TestClient;
let workshopId: string;
let facilitator: WorkshopSocket;
let member: WorkshopSocket;
let memberTab: WorkshopSocket;
let observer: WorkshopSocket;
const sockets: WorkshopSocket[] = [];

async function connect(client: TestClient) {
  const s = await connectWorkshopSocket(server.baseUrl, client);
  sockets.push(s);
  await joinWorkshop(s, workshopId);
  return s;
}
type PollAnswer = { ok: true; poll: PollView } | { ok: false; error: string };
const open = async (over: Record<string, unknown> = {}) => {
  const ack = (await facilitator.ask(C.openPoll, {
    workshopId,
    question: 'Which priority first?',
    kind: 'dots',
    options: ['Skills', 'Green transition', 'Digital services'],
    dots: 3,
    maxDotsPerOption: 2,
    ...over,
  })) as PollAnswer;
  if (!ack.ok) throw new Error(ack.error);
  // The opening reaches the room after the answer: wait for it, so later checks start clean.
  const opened = (e: PollChangedEvent) => e.poll.id === ack.poll.id;
  await Promise.all(
    [facilitator, member, memberTab, observer].map((s) => s.next(S.pollChanged, 0, opened)),
  );
  return ack.poll;
};
const vote = (s: WorkshopSocket, pollId: string, allocations: unknown) =>
  s.ask(C.vote, { pollId, allocations }) as Promise<PollAnswer>;
const close = (pollId: string) => facilitator.ask(C.closePoll, { pollId }) as Promise<PollAnswer>;

beforeAll(async () => {
  server = await startTestServer({ env: { LOGIN_RATE_LIMIT: '1000' } });
  lead = await signedIn(server.baseUrl, 'lead@polisee.test');
  demo = await readDemoWorkspace(await signedIn(server.baseUrl, 'admin@polisee.test'));
  workshopId = (await lead.post('/api/workshops', workshopRequest(demo.strategyId))).body
    .id as string;
  facilitator = await connect(lead);
  expect(await facilitator.ask(C.control, { workshopId, command: { type: 'goLive' } })).toEqual({
    ok: true,
  });
  const memberClient = await signedIn(server.baseUrl, 'member@polisee.test');
  member = await connect(memberClient);
  memberTab = await connect(memberClient);
  observer = await connect(await signedIn(server.baseUrl, 'observer@polisee.test'));
});
afterAll(async () => {
  sockets.forEach((s) => s.disconnect());
  await server.close();
});

/** Every ballot allocation that crossed the wire to a socket, in its raw packets. */
const allocationsIn = (raw: string[]) => raw.filter((p) => p.includes('"value":'));
const tallyIn = (raw: string[]) => raw.filter((p) => p.includes('"results":{'));

describe('a poll before and after it closes', () => {
  it('sends no ballot and no tally to anyone before close, facilitators included', async () => {
    const marks = [facilitator, member, memberTab, observer].map((s) => s.raw.length);
    const poll = await open();
    const [skills, green] = poll.options.map((o) => o.id) as [string, string];
    expect((await vote(member, poll.id, [{ optionId: skills, value: 2 }])).ok).toBe(true);
    expect((await vote(observer, poll.id, [{ optionId: green, value: 1 }])).ok).toBe(true);
    for (const s of [facilitator, member, memberTab, observer]) await s.barrier();

    const seen = [facilitator, member, memberTab, observer].map((s, i) => s.raw.slice(marks[i]));
    for (const raw of seen) expect(tallyIn(raw)).toEqual([]);
    // The facilitator and the member's other tab saw no allocation at all; each voter saw only
    // their own, in the answer to their own vote.
    expect(allocationsIn(seen[0]!)).toEqual([]);
    expect(allocationsIn(seen[2]!)).toEqual([]);
    expect(allocationsIn(seen[1]!)).toHaveLength(1);
    expect(allocationsIn(seen[1]!)[0]).toContain(`"optionId":"${skills}","value":2`);
    expect(allocationsIn(seen[1]!)[0]).not.toContain(`"optionId":"${green}"`);
    expect(allocationsIn(seen[3]!)).toHaveLength(1);
    expect(allocationsIn(seen[3]!)[0]).not.toContain(`"optionId":"${skills}"`);
    // Nor over REST.
    const listed = (await lead.get(`/api/workshops/${workshopId}/polls`)).body.items as PollView[];
    expect(listed.find((p) => p.id === poll.id)).toMatchObject({ results: null, yourBallot: null });

    const since = member.received.length;
    const closed = await close(poll.id);
    expect(closed.ok && closed.poll.results?.voters).toBe(2);
    const broadcast = await member.next<PollChangedEvent>(S.pollChanged, since);
    expect(broadcast.poll.status).toBe('closed');
    expect(broadcast.poll.yourBallot).toBeNull();
    expect(broadcast.poll.results?.options.map((o) => o.total)).toEqual([2, 1, 0]);
    // Anonymous: the results never name a voter.
    expect(broadcast.poll.results?.ballots).toBeNull();
    await observer.barrier();
    expect(tallyIn(observer.raw.slice(marks[3]))).not.toEqual([]);
  });

  it('names who voted what after close when the poll is named', async () => {
    const poll = await open({
      kind: 'single',
      dots: null,
      maxDotsPerOption: null,
      anonymous: false,
    });
    await vote(member, poll.id, [{ optionId: poll.options[1]!.id, value: 1 }]);
    const closed = await close(poll.id);
    expect(closed.ok && closed.poll.results?.ballots).toEqual([
      {
        userId: demo.userIds['member@polisee.test'],
        allocations: [{ optionId: poll.options[1]!.id, value: 1 }],
      },
    ]);
  });

  it('counts a ballot sent twice, or from two tabs, once: the last one stands', async () => {
    const poll = await open({ kind: 'single', dots: null, maxDotsPerOption: null });
    const [a, b] = poll.options.map((o) => o.id) as [string, string];
    const twice = await Promise.all([
      vote(member, poll.id, [{ optionId: a, value: 1 }]),
      vote(member, poll.id, [{ optionId: a, value: 1 }]),
    ]);
    expect(twice.every((r) => r.ok)).toBe(true);
    const tab = await vote(memberTab, poll.id, [{ optionId: b, value: 1 }]);
    expect(tab.ok && tab.poll.yourBallot).toEqual([{ optionId: b, value: 1 }]);
    expect(await server.ctx.store.workshops.listBallots(poll.id)).toHaveLength(1);
    const closed = await close(poll.id);
    expect(closed.ok && closed.poll.results).toMatchObject({ voters: 1 });
    expect(closed.ok && closed.poll.results?.options.map((o) => o.total)).toEqual([0, 1, 0]);
  });

  it('shows a live tally when the facilitator chose it, at most every interval', async () => {
    const poll = await open({ showLive: true });
    const since = observer.received.length;
    const started = Date.now();
    await vote(member, poll.id, [{ optionId: poll.options[0]!.id, value: 1 }]);
    await vote(observer, poll.id, [{ optionId: poll.options[0]!.id, value: 2 }]);
    const live = await observer.next<PollChangedEvent>(
      S.pollChanged,
      since,
      (e) => e.poll.results?.options[0]?.total === 3,
    );
    expect(live.poll.status).toBe('open');
    expect(live.poll.results?.ballots).toBeNull();
    const tallies = observer.received
      .slice(since)
      .filter(
        (r) => r.event === S.pollChanged && (r.payload as PollChangedEvent).poll.results?.voters,
      );
    expect(tallies.length).toBeLessThanOrEqual(
      1 + Math.floor((Date.now() - started) / WORKSHOP_REALTIME.liveTallyIntervalMs),
    );
    await close(poll.id);
  });
});

describe('refused ballots', () => {
  async function refused(send: () => Promise<unknown>, error: string, pollId: string) {
    const others = [facilitator, observer];
    const counts = others.map((s) => s.received.length);
    const before = await server.ctx.store.workshops.listBallots(pollId);
    expect(await send()).toEqual({ ok: false, error });
    for (const [i, s] of others.entries()) {
      await s.barrier();
      expect(s.received.slice(counts[i])).toEqual([]);
    }
    expect(await server.ctx.store.workshops.listBallots(pollId)).toEqual(before);
  }

  it('refuses a ballot over its limit, with an unknown option, malformed, or after close', async () => {
    const poll = await open();
    const [a, b] = poll.options.map((o) => o.id) as [string, string];
    await refused(
      () =>
        vote(member, poll.id, [
          { optionId: a, value: 2 },
          { optionId: b, value: 2 },
        ]),
      WORKSHOP_ERRORS.overLimit,
      poll.id,
    );
    await refused(
      () => vote(member, poll.id, [{ optionId: a, value: 3 }]),
      WORKSHOP_ERRORS.overLimit,
      poll.id,
    );
    await refused(
      () => vote(member, poll.id, [{ optionId: 'no-such-option', value: 1 }]),
      WORKSHOP_ERRORS.unknownOption,
      poll.id,
    );
    await refused(
      () => member.ask(C.vote, { pollId: poll.id, allocations: [{ optionId: a, value: 'x' }] }),
      'validation_failed',
      poll.id,
    );
    await refused(() => member.ask(C.closePoll, { pollId: poll.id }), 'forbidden', poll.id);
    expect((await close(poll.id)).ok).toBe(true);
    // The closed result reaches the room after the answer; the refusal is checked after it.
    const closed = (e: PollChangedEvent) => e.poll.id === poll.id && e.poll.status === 'closed';
    await Promise.all([facilitator, observer].map((s) => s.next(S.pollChanged, 0, closed)));
    await refused(
      () => vote(member, poll.id, [{ optionId: a, value: 1 }]),
      WORKSHOP_ERRORS.pollClosed,
      poll.id,
    );
  });

  it('refuses observers’ ballots once a facilitator turned observers’ votes off', async () => {
    const poll = await open({ kind: 'single', dots: null, maxDotsPerOption: null });
    const command = { type: 'setObserversMayVote', value: false };
    expect(await facilitator.ask(C.control, { workshopId, command })).toEqual({ ok: true });
    expect(await vote(observer, poll.id, [{ optionId: poll.options[0]!.id, value: 1 }])).toEqual({
      ok: false,
      error: 'forbidden',
    });
    await facilitator.ask(C.control, { workshopId, command: { ...command, value: true } });
    await close(poll.id);
  });

  it('closes a poll at its time limit, and takes no ballot past it', async () => {
    const poll = await open({ minutes: 1 });
    // The limit as if a minute had passed: the store holds it, the server arms it again.
    const past = new Date(Date.now() - 1000).toISOString();
    await server.ctx.store.workshops.createPoll({ ...poll, id: `${poll.id}-x`, closesAt: past });
    const overdue = (await server.ctx.store.workshops.getPoll(`${poll.id}-x`))!;
    expect(
      await vote(member, overdue.id, [{ optionId: overdue.options[0]!.id, value: 1 }]),
    ).toEqual({ ok: false, error: WORKSHOP_ERRORS.pollClosed });
    await close(poll.id);
  });
});

describe('100 voters at once', () => {
  it('counts every ballot cast within one second exactly once', async () => {
    const hash = await hashPassword(VOTER_PASSWORD);
    const organisationId = (await server.ctx.store.organisations.list())[0]!.id;
    const voters: WorkshopSocket[] = [];
    for (let i = 0; i < 100; i++) {
      const user = buildUser({
        organisationId,
        passwordHash: hash,
        email: `voter${i}@example.test`,
      });
      await server.ctx.store.users.create(user);
      await server.ctx.store.memberships.set({
        userId: user.id,
        workingGroupId: demo.strategyId,
        role: 'wg_member',
      });
    }
    const clients = await Promise.all(
      Array.from({ length: 100 }, (_, i) => signedInAs(`voter${i}@example.test`)),
    );
    for (const c of clients) voters.push(await connect(c));
    const poll = await open({ kind: 'dots', dots: 3, maxDotsPerOption: null });
    const started = Date.now();
    // Each sends its ballot twice (a double click); voter i puts its dots on option i % 3.
    const answers = await Promise.all(
      voters.flatMap((s, i) => {
        const ballot = [{ optionId: poll.options[i % 3]!.id, value: 3 }];
        return [vote(s, poll.id, ballot), vote(s, poll.id, ballot)];
      }),
    );
    expect(Date.now() - started).toBeLessThan(5000);
    expect(answers.filter((a) => !a.ok)).toEqual([]);
    const closed = await close(poll.id);
    expect(closed.ok && closed.poll.results?.voters).toBe(100);
    expect(closed.ok && closed.poll.results?.options.map((o) => o.total)).toEqual([
      34 * 3,
      33 * 3,
      33 * 3,
    ]);
    voters.forEach((s) => s.disconnect());
  });
});

async function signedInAs(email: string) {
  const { TestClient } = await import('../../testing/httpClient.js');
  const c = new TestClient(server.baseUrl);
  await c.login(email, VOTER_PASSWORD);
  return c;
}
