import {
  WORKSHOP_CLIENT_EVENTS,
  WORKSHOP_ERRORS,
  WORKSHOP_SERVER_EVENTS,
  type JoinAck,
  type PollAck,
  type WorkshopAck,
} from '@polisee/contracts';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import { closeAll, driveEdits } from '../drive.js';
import { PoliseeAccess, type BenchUser } from '../polisee.js';
import { GeneratorMonitor, ProcSampler } from '../procstat.js';
import type { ResultRow } from '../report.js';
import { log } from '../session.js';
import { percentile, type LatencySummary } from '../stats.js';
import type { Target } from '../target.js';
import { TokenLedger } from '../tokens.js';
import { clock, mapLimit, sleep, waitForQuiet, waitUntil } from '../util.js';
import { WireClient } from '../wire.js';
import { createBenchWorkshop, getWorkshop, listPolls } from '../workshopApi.js';
import { castBallots, checkCount } from '../workshopBallots.js';
import { WorkshopClient } from '../workshopClient.js';
import { controlsDelivery, controlsOutstanding, runControls } from '../workshopControls.js';

export interface WorkshopBenchOptions {
  participants: number;
  typists: number;
  editsPerSecond: number;
  /** Length of each typing phase (idle, then live). */
  seconds: number;
  controlEveryMs: number;
  ballotSpreadMs: number;
  /** Participants whose ballot is sent twice (a double click). */
  doubleBallots: number;
}

/**
 * A live workshop at the size, in one run of our server: `participants` members and two
 * facilitators (the demo lead, and a second named at creation), each a distinct user with a
 * socket.io connection joined to the workshop and a collaboration connection to its notes
 * document. `typists` of the participants type throughout. Three phases, same connections:
 *   1. idle: the workshop is scheduled, nothing happens in it: co-editing latency alone;
 *   2. live: the same typing while facilitator 1 sends a control every `controlEveryMs`;
 *      co-editing latency again, and each control's latency to every participant;
 *   3. ballots: a dot vote, every participant votes within `ballotSpreadMs` (some twice); the
 *      closed poll's results, read over REST, must count each voter once.
 * Server CPU and RSS are taken over each phase.
 */
export async function runWorkshop(
  target: Target,
  options: WorkshopBenchOptions,
): Promise<ResultRow[]> {
  if (target.kind !== 'ours') throw new Error('the workshop scenario measures ours only');
  const access = await PoliseeAccess.open(target.server);
  log(`  signing in ${options.participants + 1} new users …`);
  const [second, ...participants] = await access.inviteUsers(options.participants + 1);
  const lead = access.lead;
  const workshop = await createBenchWorkshop(access, [lead.id, second!.id]);
  // Index i is collaboration client i and socket i: participants first, then the facilitators.
  const people: BenchUser[] = [...participants, lead, second!];
  const server = new ProcSampler(target.server.pid).start();
  const capacity =
    Math.ceil(options.typists * options.editsPerSecond * (options.seconds + 2) * 2 * 1.2) + 256;
  const ledger = TokenLedger.local(people.length, capacity);
  const wires = people.map(
    (user, i) =>
      new WireClient(
        {
          url: target.server.wsUrl(workshop.notesDocumentId),
          dialect: target.server.dialect,
          headers: { Cookie: user.cookie, Origin: target.server.httpBase },
          fragment: FRAGMENT_NAME,
        },
        workshop.notesDocumentId,
        i,
        { onFrame: (bytes, at) => ledger.observe(i, bytes, at) },
      ),
  );
  const sockets: WorkshopClient[] = [];
  try {
    log(`  connecting ${people.length} sockets and ${people.length} editors …`);
    for (const s of await mapLimit(people, 10, (u) =>
      WorkshopClient.connect(target.server.httpBase, u),
    )) {
      sockets.push(s);
    }
    const joinedBeforeLive = await joinAll(sockets, workshop.id, { allowNotLive: true });
    await mapLimit(wires, 20, (c) => c.connect());
    const typists = wires.slice(0, options.typists);
    for (const t of typists) t.addParagraph();
    await waitForQuiet(() => ledger.frames, { quietMs: 500, capMs: 20_000 });
    await sleep(500);

    log(`  phase 1: ${options.seconds} s of typing, workshop scheduled and idle …`);
    const idle = await typingPhase(ledger, typists, server, options, clock() + 100, 1);

    const facilitator = sockets[participants.length]!;
    const start = await goLive(access, facilitator, sockets, workshop.id, joinedBeforeLive);
    await sleep(1000);

    log(
      `  phase 2: ${options.seconds} s of typing, a control every ${options.controlEveryMs} ms …`,
    );
    const startAt = clock() + 100;
    const [live, run] = await Promise.all([
      typingPhase(ledger, typists, server, options, startAt, 2),
      runControls(
        facilitator,
        {
          workshopId: workshop.id,
          notesDocumentId: workshop.notesDocumentId,
          agendaIds: workshop.agenda.map((item) => item.id),
          currentItem: start,
        },
        { startAt, seconds: options.seconds, everyMs: options.controlEveryMs },
      ),
    ]);
    const audience = sockets.slice(0, participants.length);
    await waitUntil(() => controlsOutstanding(run.controls, audience) === 0, 10_000, 100);
    const delivery = controlsDelivery(run.controls, audience);
    if (run.openPollId) {
      await facilitator.request(WORKSHOP_CLIENT_EVENTS.closePoll, { pollId: run.openPollId });
    }
    await sleep(500);

    log(`  phase 3: ${participants.length} ballots within ${options.ballotSpreadMs} ms …`);
    const ballots = await ballotPhase(access, facilitator, audience, workshop.id, server, options);

    const accepted = run.controls.filter((c) => c.ok);
    const refused = run.controls.filter((c) => !c.ok);
    const control = delivery.latency.summary();
    const common = {
      participants: participants.length,
      facilitators: 2,
      typists: options.typists,
      editsPerSecondEach: options.editsPerSecond,
    };
    const row = (variant: string, metrics: ResultRow['metrics']): ResultRow => ({
      scenario: 'workshop',
      variant,
      server: target.kind,
      label: target.label,
      metrics: { ...common, ...metrics },
    });
    return [
      row('1 idle (scheduled)', { ...editMetrics(idle), joinedBeforeLive }),
      row('2 live (controls)', {
        ...editMetrics(live),
        controlsSent: run.controls.length,
        controlsAccepted: accepted.length,
        controlsRefused: refused.length,
        controlRefusals: refused.map((c) => `${c.name}: ${c.error}`).join('; ') || null,
        controlP50Ms: control.p50,
        controlP99Ms: control.p99,
        controlMaxMs: control.max,
        controlsExpected: delivery.expected,
        controlsDeliveredCount: delivery.delivered,
        controlsDelivered: `${delivery.delivered}/${delivery.expected}`,
        controlAckP99Ms: percentile(
          run.controls.map((c) => c.ackAt - c.sentAt),
          99,
        ),
        controlsMismatched: delivery.mismatched,
        unmatchedBroadcasts: delivery.unmatched,
      }),
      row('3 ballots', ballots),
    ];
  } finally {
    server.stop();
    for (const s of sockets) s.close();
    closeAll(wires);
    await sleep(300);
  }
}

/**
 * Every socket joins the workshop's room. A scheduled workshop may refuse joins until it is live
 * (`workshop_not_live`); with `allowNotLive` that is reported (false), any other refusal fails.
 */
async function joinAll(
  sockets: readonly WorkshopClient[],
  workshopId: string,
  options: { allowNotLive: boolean },
): Promise<boolean> {
  const acks = await mapLimit(sockets, 20, (s) =>
    s.request<JoinAck>(WORKSHOP_CLIENT_EVENTS.join, { workshopId }),
  );
  const refusals = acks.flatMap((r) => (r.ack.ok ? [] : [r.ack.error]));
  if (refusals.length === 0) return true;
  if (options.allowNotLive && refusals.every((e) => e === WORKSHOP_ERRORS.notLive)) return false;
  throw new Error(`workshop:join refused: ${[...new Set(refusals)].join(', ')}`);
}

/**
 * Facilitator 1 takes the workshop live, and every socket sees it (joining now if it could not
 * before). Returns the current agenda item, moving to the first if going live set none.
 */
async function goLive(
  access: PoliseeAccess,
  facilitator: WorkshopClient,
  sockets: readonly WorkshopClient[],
  workshopId: string,
  joinedBeforeLive: boolean,
): Promise<number> {
  const control = async (command: { type: 'goLive' | 'next' }) => {
    const r = await facilitator.request<WorkshopAck>(WORKSHOP_CLIENT_EVENTS.control, {
      workshopId,
      command,
    });
    if (!r.ack.ok) throw new Error(`${command.type} refused: ${r.ack.error}`);
    if (command.type === 'goLive' && !joinedBeforeLive) {
      await joinAll(sockets, workshopId, { allowNotLive: false });
      return;
    }
    const { state } = WORKSHOP_SERVER_EVENTS;
    const seen = await waitUntil(
      () => sockets.every((s) => s.arrivalsOf(state, r.sentAt).length > 0),
      10_000,
    );
    if (!seen) throw new Error(`${command.type}: not every socket received the new state`);
  };
  await control({ type: 'goLive' });
  let { currentItem } = await getWorkshop(access, workshopId);
  if (currentItem === null) {
    await control({ type: 'next' });
    ({ currentItem } = await getWorkshop(access, workshopId));
  }
  if (currentItem === null) throw new Error('no current agenda item after going live');
  return currentItem;
}

interface PhaseResult {
  start: number;
  end: number;
  sent: number;
  expected: number;
  delivered: number;
  latency: LatencySummary;
  server: ReturnType<ProcSampler['window']>;
  generator: ReturnType<GeneratorMonitor['window']>;
}

/** Typists type for `seconds` from `startAt`; latency from send to arrival at every other editor. */
async function typingPhase(
  ledger: TokenLedger,
  typists: readonly WireClient[],
  server: ProcSampler,
  options: WorkshopBenchOptions,
  startAt: number,
  seed: number,
): Promise<PhaseResult> {
  const before = { delivered: ledger.delivered, expected: ledger.expected };
  ledger.latency.reset();
  const machine = new GeneratorMonitor().start();
  const window = await driveEdits(typists, ledger, {
    startAt,
    seconds: options.seconds,
    editsPerSecond: options.editsPerSecond,
    seed,
  });
  machine.stop();
  await waitForQuiet(() => ledger.delivered, {
    quietMs: 3000,
    capMs: 20_000,
    done: () => ledger.delivered >= ledger.expected,
  });
  const expected = ledger.expected - before.expected;
  const delivered = ledger.delivered - before.delivered;
  ledger.latency.recordMissing(Math.max(0, expected - delivered));
  const srv = server.window(startAt, window.end);
  return {
    start: startAt,
    end: window.end,
    sent: window.sent,
    expected,
    delivered,
    latency: ledger.latency.summary(),
    server: srv,
    generator: machine.window(startAt, window.end, srv.cpuPercent),
  };
}

function editMetrics(phase: PhaseResult): ResultRow['metrics'] {
  return {
    editsSent: phase.sent,
    editDeliveriesExpected: phase.expected,
    editDeliveries: phase.delivered,
    editDeliveredPct: phase.expected ? (phase.delivered / phase.expected) * 100 : NaN,
    editP50Ms: phase.latency.p50,
    editP99Ms: phase.latency.p99,
    editMaxMs: phase.latency.max,
    serverCpuPct: phase.server.cpuPercent,
    serverRssMaxMb: phase.server.rssMaxMb,
    serverRssEndMb: phase.server.rssEndMb,
    ...phase.generator,
  };
}

/** Opens a dot vote, has every participant vote, closes it, and checks the count over REST. */
async function ballotPhase(
  access: PoliseeAccess,
  facilitator: WorkshopClient,
  voters: readonly WorkshopClient[],
  workshopId: string,
  server: ProcSampler,
  options: WorkshopBenchOptions,
): Promise<ResultRow['metrics']> {
  const opened = await facilitator.request<PollAck>(WORKSHOP_CLIENT_EVENTS.openPoll, {
    workshopId,
    question: 'Which priority should the plan lead with?',
    kind: 'dots',
    options: ['Skills and training', 'Green transition', 'Digital public services'],
    dots: 3,
  });
  if (!opened.ack.ok) throw new Error(`poll:open refused: ${opened.ack.error}`);
  const poll = opened.ack.poll;
  const { pollChanged } = WORKSHOP_SERVER_EVENTS;
  // Participants vote on what they were shown: wait for the opening to reach all of them.
  await waitUntil(
    () => voters.every((v) => v.arrivalsOf(pollChanged, opened.sentAt).length),
    10_000,
  );
  await sleep(300);
  const machine = new GeneratorMonitor().start();
  const run = await castBallots(voters, poll, {
    spreadMs: options.ballotSpreadMs,
    doubles: options.doubleBallots,
  });
  machine.stop();
  const closed = await facilitator.request<PollAck>(WORKSHOP_CLIENT_EVENTS.closePoll, {
    pollId: poll.id,
  });
  if (!closed.ack.ok) throw new Error(`poll:close refused: ${closed.ack.error}`);
  const polls = await listPolls(access, workshopId, access.lead.cookie);
  const count = checkCount(
    polls.items.find((p) => p.id === poll.id),
    run,
    voters.length,
  );
  const countedOnce = count.totalsExact && count.voters === voters.length;
  const srv = server.window(run.firstSentAt - 300, closed.ackAt + 300);
  return {
    ballotsSent: run.sent,
    ballotsAccepted: run.accepted,
    ballotRefusals:
      Object.entries(run.refused)
        .map(([e, n]) => `${e} ×${n}`)
        .join('; ') || null,
    ballotSpreadMs: options.ballotSpreadMs,
    voters: voters.length,
    duplicatesSent: run.doubles,
    ballotsCounted: count.voters,
    duplicatesIgnored: countedOnce ? run.sent - voters.length : null,
    ballots: `${run.sent}/${count.voters ?? '–'}`,
    countedOnce,
    countNote: count.note,
    ballotAckP50Ms: percentile(run.ackMs, 50),
    ballotAckP99Ms: percentile(run.ackMs, 99),
    ballotAckMaxMs: Math.max(...run.ackMs),
    castToClosedMs: closed.ackAt - run.firstSentAt,
    serverCpuPct: srv.cpuPercent,
    serverRssMaxMb: srv.rssMaxMb,
    serverRssEndMb: srv.rssEndMb,
    ...machine.window(run.firstSentAt, run.lastAckAt, srv.cpuPercent),
  };
}
