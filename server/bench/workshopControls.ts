import {
  WORKSHOP_CLIENT_EVENTS,
  WORKSHOP_SERVER_EVENTS,
  type PollAck,
  type WorkshopAck,
  type WorkshopCommand,
} from '@polisee/contracts';
import { LatencyHistogram } from './stats.js';
import { clock, sleep } from './util.js';
import type { WorkshopClient } from './workshopClient.js';

/** What a facilitator does in turn during the live phase (the list of controls). */
export const CONTROL_CYCLE = [
  'next',
  'previous',
  'timerStart',
  'timerPause',
  'timerResume',
  'timerAddMinute',
  'summon',
  'pollOpen',
  'pollClose',
] as const;
export type ControlName = (typeof CONTROL_CYCLE)[number];

/** One control the facilitator sent: when, whether the server took it, what it should broadcast. */
export interface SentControl {
  name: ControlName;
  /** The broadcast that carries it to the room. */
  expects: string;
  sentAt: number;
  ackAt: number;
  ok: boolean;
  error?: string;
  /** next / previous: the agenda item every participant must then see as current. */
  expectItem?: number;
}

export interface ControlContext {
  workshopId: string;
  notesDocumentId: string;
  agendaIds: readonly string[];
  /** The current agenda item when the phase starts (not null: the bench moves to item 0 first). */
  currentItem: number;
}

const { state, summoned, pollChanged } = WORKSHOP_SERVER_EVENTS;

/**
 * Facilitator `by` sends one control every `everyMs` from `startAt` for `seconds`, cycling through
 * CONTROL_CYCLE. Each waits for its acknowledgement before the next is due (a facilitator clicks
 * one button at a time); a late acknowledgement delays the next control and shows in `ackAt`.
 */
export async function runControls(
  by: WorkshopClient,
  ctx: ControlContext,
  options: { startAt: number; seconds: number; everyMs: number },
): Promise<{ controls: SentControl[]; openPollId: string | null }> {
  const sent: SentControl[] = [];
  const end = options.startAt + options.seconds * 1000;
  let current = ctx.currentItem;
  let openPollId: string | null = null;
  for (let k = 0; ; k++) {
    const due = options.startAt + k * options.everyMs;
    if (due >= end) break;
    if (due > clock()) await sleep(due - clock());
    const name = CONTROL_CYCLE[k % CONTROL_CYCLE.length]!;
    const control = async (command: WorkshopCommand, expects: string) => {
      const r = await by.request<WorkshopAck>(WORKSHOP_CLIENT_EVENTS.control, {
        workshopId: ctx.workshopId,
        command,
      });
      return record(name, expects, r);
    };
    switch (name) {
      case 'next':
      case 'previous': {
        const target = name === 'next' ? current + 1 : current - 1;
        const c = await control({ type: name }, state);
        c.expectItem = target;
        if (c.ok) current = target;
        sent.push(c);
        break;
      }
      case 'timerStart':
        sent.push(await control({ type: 'timerStart', minutes: 10 }, state));
        break;
      case 'timerPause':
      case 'timerResume':
      case 'timerAddMinute':
        sent.push(await control({ type: name }, state));
        break;
      case 'summon':
        sent.push(
          await control(
            {
              type: 'summon',
              place: { documentId: ctx.notesDocumentId, anchor: null },
              agendaItemId: ctx.agendaIds[current] ?? null,
            },
            summoned,
          ),
        );
        break;
      case 'pollOpen': {
        const r = await by.request<PollAck>(WORKSHOP_CLIENT_EVENTS.openPoll, {
          workshopId: ctx.workshopId,
          question: `Quick check ${k}: keep this wording?`,
          kind: 'single',
          options: ['Keep', 'Rework'],
        });
        if (r.ack.ok) openPollId = r.ack.poll.id;
        sent.push(record(name, pollChanged, r));
        break;
      }
      case 'pollClose': {
        // Nothing to close when the open was refused (that refusal is already counted).
        if (!openPollId) break;
        const r = await by.request<PollAck>(WORKSHOP_CLIENT_EVENTS.closePoll, {
          pollId: openPollId,
        });
        if (r.ack.ok) openPollId = null;
        sent.push(record(name, pollChanged, r));
        break;
      }
    }
  }
  // A poll still open (the phase ended mid-cycle) is the caller's to close, after measuring.
  return { controls: sent, openPollId };
}

function record(
  name: ControlName,
  expects: string,
  r: { ack: WorkshopAck; sentAt: number; ackAt: number },
): SentControl {
  return {
    name,
    expects,
    sentAt: r.sentAt,
    ackAt: r.ackAt,
    ok: r.ack.ok,
    ...(r.ack.ok ? {} : { error: r.ack.error }),
  };
}

/** Deliveries still missing: accepted controls not yet seen by every participant. */
export function controlsOutstanding(
  controls: readonly SentControl[],
  participants: readonly WorkshopClient[],
): number {
  return controlsDelivery(controls, participants).missing;
}

export interface ControlDelivery {
  latency: LatencyHistogram;
  expected: number;
  delivered: number;
  missing: number;
  /** next / previous arrivals whose current item was not the one the control set. */
  mismatched: number;
  /** Broadcasts of a watched kind in the phase that no control accounts for. */
  unmatched: number;
}

/**
 * Latency of each accepted control from the facilitator's emit to its broadcast's arrival at
 * each participant. socket.io keeps one connection's messages in order, and every control of a
 * kind makes one broadcast of that kind, so at each participant the i-th accepted control of a
 * kind matches the first broadcast of that kind arriving after its emit and after the previous
 * match. Arrivals before the emit (from earlier changes) are skipped, never matched.
 */
export function controlsDelivery(
  controls: readonly SentControl[],
  participants: readonly WorkshopClient[],
): ControlDelivery {
  const accepted = controls.filter((c) => c.ok);
  const latency = new LatencyHistogram();
  let delivered = 0;
  let mismatched = 0;
  let unmatched = 0;
  const from = accepted[0]?.sentAt ?? Infinity;
  for (const p of participants) {
    const queues = new Map<
      string,
      { list: ReturnType<WorkshopClient['arrivalsOf']>; at: number }
    >();
    for (const kind of [state, summoned, pollChanged]) {
      queues.set(kind, { list: p.arrivalsOf(kind, from), at: 0 });
    }
    for (const c of accepted) {
      const q = queues.get(c.expects)!;
      while (q.at < q.list.length && q.list[q.at]!.at < c.sentAt) {
        q.at++;
        unmatched++;
      }
      const arrival = q.list[q.at];
      if (!arrival) continue;
      q.at++;
      delivered++;
      latency.record(arrival.at - c.sentAt);
      if (c.expectItem !== undefined && arrival.currentItem !== c.expectItem) mismatched++;
    }
    for (const q of queues.values()) unmatched += q.list.length - q.at;
  }
  const expected = accepted.length * participants.length;
  latency.recordMissing(expected - delivered);
  return { latency, expected, delivered, missing: expected - delivered, mismatched, unmatched };
}
