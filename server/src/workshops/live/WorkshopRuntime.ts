import { EventEmitter } from 'node:events';
import {
  WORKSHOP_REALTIME,
  type FacilitatorViewEvent,
  type PollView,
  type SummonedEvent,
  type WorkshopView,
} from '@polisee/contracts';
import type { Poll, Workshop } from '@polisee/domain';
import type { ServiceContext } from '../../services/context.js';
import type { LiveDocuments } from '../../services/liveDocuments.js';
import { closeOverduePoll } from '../polls/closePoll.js';
import { loadPollView } from '../polls/pollViews.js';
import { toWorkshopView } from '../workshopAccess.js';
import { WorkshopLocks } from '../workshopLocks.js';
import { singleProcessHosts, type LiveWorkshopHosts } from './liveWorkshopHosts.js';
import { Presence } from './Presence.js';

/**
 * What the live workshops broadcast, each payload built once for the whole room (the edge sends
 * it with one emit to the room: one serialisation per change, whatever the room's size).
 */
export interface LiveEventMap {
  state: [view: WorkshopView];
  /** The broadcast view: `yourBallot` null, the tally only when visible. */
  pollChanged: [view: PollView];
  summoned: [event: SummonedEvent];
  /** `connectionId`: the facilitator's own connection, which need not hear it back. */
  facilitatorView: [event: FacilitatorViewEvent, connectionId: string];
}

/**
 * The live workshops' in-process state: the per-workshop lock every change of a workshop record
 * goes through, who is present, poll time limits, the throttle of shown-live tallies, and the
 * broadcasts. Made once by the composition root; the socket edge listens to `events`.
 *
 * What must survive a restart is in the store (decision 0047): on `start` the time limits of
 * open polls are armed again (overdue ones closed) and stays left open by a previous process are
 * closed, their people being no longer connected.
 */
export class WorkshopRuntime {
  readonly locks = new WorkshopLocks();
  readonly presence = new Presence();
  readonly events = new EventEmitter<LiveEventMap>();
  private readonly deadlines = new Map<string, NodeJS.Timeout>();
  private readonly tallies = new Map<string, { timer: NodeJS.Timeout | null; lastAt: number }>();
  /** Poll broadcasts one at a time per poll, so a late tally never follows the closed result. */
  private readonly pollBroadcasts = new WorkshopLocks();
  private readonly states = new Map<string, { latest: Workshop | null; dirty: boolean }>();
  private closing = false;
  private readonly onWorkshopChanged = (workshop: Workshop) =>
    this.publishState(workshop.id, workshop);

  constructor(
    readonly ctx: ServiceContext,
    /** The live documents: outcomes are written into the notes, boards read for dot votes. */
    readonly live: LiveDocuments,
    /** Other processes' live workshops, whose stays are theirs to close (decision 0079). */
    private readonly hosts: LiveWorkshopHosts = singleProcessHosts,
  ) {
    ctx.events.on('workshopChanged', this.onWorkshopChanged);
  }

  async start(): Promise<void> {
    const now = this.ctx.now().toISOString();
    const servedElsewhere = await this.hosts.servedElsewhere();
    for (const workshop of await this.ctx.store.workshops.list({ statuses: ['live'] })) {
      if (servedElsewhere.has(workshop.id)) continue;
      await this.ctx.store.workshops.closeAttendance(workshop.id, now);
    }
    for (const poll of await this.ctx.store.workshops.listOpenPolls()) this.armDeadline(poll);
    this.hosts.announce(() => this.presence.workshops());
  }

  /**
   * Ends the stays of everyone still present at the time of the shutdown (their sockets are
   * about to close, and this process will not be there to hear it), and every timer.
   */
  async close(): Promise<void> {
    this.closing = true;
    this.ctx.events.off('workshopChanged', this.onWorkshopChanged);
    for (const timer of this.deadlines.values()) clearTimeout(timer);
    this.deadlines.clear();
    for (const tally of this.tallies.values()) if (tally.timer) clearTimeout(tally.timer);
    this.tallies.clear();
    const now = this.ctx.now().toISOString();
    // Stays are closed per workshop: those another process serves are left to it (its people
    // are still connected there), with this process's people's stays among them until it ends.
    const servedElsewhere = await this.hosts.servedElsewhere().catch(() => new Set<string>());
    await this.hosts.close();
    for (const workshopId of this.presence.workshops()) {
      if (servedElsewhere.has(workshopId)) continue;
      await this.locks.run(workshopId, () =>
        this.ctx.store.workshops.closeAttendance(workshopId, now),
      );
    }
  }

  /** Set once closing: stays are closed already, leaving sockets change nothing more. */
  get isClosing(): boolean {
    return this.closing;
  }

  /** A poll with a time limit is closed by the server then, wherever its facilitators are. */
  armDeadline(poll: Poll) {
    if (poll.closesAt === null || poll.status !== 'open' || this.closing) return;
    this.disarm(poll.id);
    const delay = Math.max(0, Date.parse(poll.closesAt) - this.ctx.now().getTime());
    const timer = setTimeout(() => {
      this.deadlines.delete(poll.id);
      closeOverduePoll(this.ctx, this, poll).catch((err: unknown) =>
        this.ctx.logger.error({ err, pollId: poll.id }, 'closing an overdue poll failed'),
      );
    }, delay);
    timer.unref();
    this.deadlines.set(poll.id, timer);
  }

  /** The poll closed: no deadline, no pending tally; the closed result goes out. */
  pollClosed(poll: Poll) {
    this.disarm(poll.id);
    const tally = this.tallies.get(poll.id);
    if (tally?.timer) clearTimeout(tally.timer);
    this.tallies.delete(poll.id);
    this.publishPoll(poll);
  }

  /**
   * A ballot landed. Only a poll shown live says anything, and then at most once per
   * `liveTallyIntervalMs`, however fast ballots arrive: 100 ballots in a second are a handful of
   * broadcasts, not 100 × 100 messages.
   */
  ballotCast(poll: Poll) {
    if (!poll.showLive || this.closing) return;
    let tally = this.tallies.get(poll.id);
    if (!tally) this.tallies.set(poll.id, (tally = { timer: null, lastAt: 0 }));
    if (tally.timer) return;
    const entry = tally;
    const wait = Math.max(0, entry.lastAt + WORKSHOP_REALTIME.liveTallyIntervalMs - Date.now());
    entry.timer = setTimeout(() => {
      entry.timer = null;
      entry.lastAt = Date.now();
      this.publishPoll(poll);
    }, wait);
    entry.timer.unref();
  }

  /** Broadcasts the poll as it is in the store now (read at send time, so never stale). */
  publishPoll(poll: Pick<Poll, 'id' | 'workshopId'>) {
    if (this.presence.present(poll.workshopId).length === 0) return;
    void this.pollBroadcasts
      .run(poll.id, async () => {
        const current = await this.ctx.store.workshops.getPoll(poll.id);
        if (current) this.events.emit('pollChanged', await loadPollView(this.ctx, current, null));
      })
      .catch((err: unknown) =>
        this.ctx.logger.error({ err, pollId: poll.id }, 'poll broadcast failed'),
      );
  }

  /**
   * Broadcasts the workshop's state: after every change of its record (`workshopChanged`) and
   * every change of who is present. Changes that arrive while a view is being built coalesce
   * into one more view of the latest record, so views go out in order and a burst of 100 joins
   * costs a few broadcasts, not 100.
   */
  publishState(workshopId: string, workshop?: Workshop) {
    if (this.closing) return;
    const pending = this.states.get(workshopId);
    if (pending) {
      pending.dirty = true;
      if (workshop) pending.latest = workshop;
      return;
    }
    const entry = { latest: workshop ?? null, dirty: true };
    this.states.set(workshopId, entry);
    void this.drainState(workshopId, entry);
  }

  private async drainState(workshopId: string, entry: { latest: Workshop | null; dirty: boolean }) {
    try {
      while (entry.dirty) {
        entry.dirty = false;
        const present = this.presence.present(workshopId);
        if (present.length === 0) continue;
        const workshop = entry.latest ?? (await this.ctx.store.workshops.get(workshopId));
        if (!workshop) break;
        entry.latest = workshop;
        this.events.emit('state', await toWorkshopView(this.ctx, workshop, present));
      }
    } catch (err) {
      this.ctx.logger.error({ err, workshopId }, 'workshop state broadcast failed');
    } finally {
      this.states.delete(workshopId);
    }
  }

  private disarm(pollId: string) {
    const timer = this.deadlines.get(pollId);
    if (timer) clearTimeout(timer);
    this.deadlines.delete(pollId);
  }
}
