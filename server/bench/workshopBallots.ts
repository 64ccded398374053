import { WORKSHOP_CLIENT_EVENTS, type PollView, type VoteAck } from '@polisee/contracts';
import type { BallotAllocation } from '@polisee/domain';
import { clock, sleep } from './util.js';
import type { WorkshopClient } from './workshopClient.js';

/** How participants place their dots over three options: varied, and every one spends them all. */
const PATTERNS: readonly (readonly number[])[] = [
  [3, 0, 0],
  [0, 3, 0],
  [0, 0, 3],
  [1, 1, 1],
  [2, 1, 0],
  [0, 1, 2],
  [1, 2, 0],
  [2, 0, 1],
];

export function ballotFor(voter: number, optionIds: readonly string[]): BallotAllocation[] {
  const pattern = PATTERNS[voter % PATTERNS.length]!;
  return optionIds
    .map((optionId, i) => ({ optionId, value: pattern[i] ?? 0 }))
    .filter((a) => a.value > 0);
}

export interface BallotRun {
  /** Votes emitted, doubles included. */
  sent: number;
  doubles: number;
  accepted: number;
  /** Refusal codes, with how many times each came back. */
  refused: Record<string, number>;
  ackMs: number[];
  firstSentAt: number;
  lastAckAt: number;
  /** What each option must total if every voter's ballot counts exactly once. */
  expectedTotals: Map<string, number>;
}

/**
 * Every participant votes once, at an even spacing over `spreadMs`; the first `doubles` of them
 * send the same ballot again right after the first, without waiting for its acknowledgement (a
 * double click). Returns once every acknowledgement is in.
 */
export async function castBallots(
  voters: readonly WorkshopClient[],
  poll: PollView,
  options: { spreadMs: number; doubles: number },
): Promise<BallotRun> {
  const optionIds = poll.options.map((o) => o.id);
  const expectedTotals = new Map(optionIds.map((id) => [id, 0]));
  const run: BallotRun = {
    sent: 0,
    doubles: 0,
    accepted: 0,
    refused: {},
    ackMs: [],
    firstSentAt: Infinity,
    lastAckAt: -Infinity,
    expectedTotals,
  };
  const start = clock() + 50;
  const vote = async (voter: WorkshopClient, allocations: BallotAllocation[]) => {
    run.sent++;
    const r = await voter.request<VoteAck>(WORKSHOP_CLIENT_EVENTS.vote, {
      pollId: poll.id,
      allocations,
    });
    run.firstSentAt = Math.min(run.firstSentAt, r.sentAt);
    run.lastAckAt = Math.max(run.lastAckAt, r.ackAt);
    run.ackMs.push(r.ackAt - r.sentAt);
    if (r.ack.ok) run.accepted++;
    else run.refused[r.ack.error] = (run.refused[r.ack.error] ?? 0) + 1;
  };
  await Promise.all(
    voters.map(async (voter, i) => {
      const allocations = ballotFor(i, optionIds);
      for (const a of allocations)
        expectedTotals.set(a.optionId, expectedTotals.get(a.optionId)! + a.value);
      const due = start + (i * options.spreadMs) / voters.length;
      if (due > clock()) await sleep(due - clock());
      if (i < options.doubles) {
        run.doubles++;
        await Promise.all([vote(voter, allocations), vote(voter, allocations)]);
      } else {
        await vote(voter, allocations);
      }
    }),
  );
  return run;
}

export interface BallotCount {
  voters: number | null;
  /** Every option's total equals the sum of the ballots sent, each counted once. */
  totalsExact: boolean;
  note: string;
}

/** Compares a closed poll's results (from the REST API) with the ballots that were sent. */
export function checkCount(
  poll: PollView | undefined,
  run: BallotRun,
  voters: number,
): BallotCount {
  if (!poll) return { voters: null, totalsExact: false, note: 'the poll is not in the list' };
  if (!poll.results) {
    return { voters: null, totalsExact: false, note: `no results (poll ${poll.status})` };
  }
  const wrong: string[] = [];
  for (const [optionId, expected] of run.expectedTotals) {
    const got = poll.results.options.find((o) => o.optionId === optionId)?.total ?? 0;
    if (got !== expected) wrong.push(`${optionId}: ${got} ≠ ${expected}`);
  }
  const counted = poll.results.voters;
  const note =
    wrong.length === 0 && counted === voters
      ? `${counted} voters, ${[...run.expectedTotals.values()].join('/')} dots, each ballot once`
      : `voters ${counted}/${voters}; ${wrong.length ? wrong.join(', ') : 'totals exact'}`;
  return { voters: counted, totalsExact: wrong.length === 0, note };
}
