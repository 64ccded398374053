import {
  WORKSHOP_SERVER_EVENTS,
  type ClientToServerEvents,
  type ServerToClientEvents,
  type WorkshopView,
} from '@polisee/contracts';
import { io, type Socket } from 'socket.io-client';
import type { BenchUser } from './polisee.js';
import { clock } from './util.js';

/** A live-workshop broadcast as the bench keeps it: when it arrived, and just enough to match it. */
export interface WorkshopArrival {
  event: string;
  at: number;
  /** `workshop:state`: the current agenda item, to check that arrivals match their controls. */
  currentItem?: number | null;
}

const WATCHED: ReadonlySet<string> = new Set(Object.values(WORKSHOP_SERVER_EVENTS));

/**
 * One participant's socket.io connection, as the app opens it: the session cookie and the
 * Origin header, websocket transport, no reconnection (a dropped socket is a failure to report,
 * not to paper over). Arrival times are taken on the bench clock in the event's own callback.
 * Payloads are not kept (a state carries everyone named in the workshop, ×100 participants).
 */
export class WorkshopClient {
  readonly arrivals: WorkshopArrival[] = [];
  disconnected: string | null = null;

  private constructor(
    readonly user: BenchUser,
    private readonly socket: Socket<ServerToClientEvents, ClientToServerEvents>,
  ) {
    socket.onAny((event: string, payload: unknown) => {
      if (!WATCHED.has(event)) return;
      const at = clock();
      const arrival: WorkshopArrival = { event, at };
      if (event === WORKSHOP_SERVER_EVENTS.state) {
        arrival.currentItem = (payload as { workshop: WorkshopView }).workshop.currentItem;
      }
      this.arrivals.push(arrival);
    });
    socket.on('disconnect', (reason) => (this.disconnected = reason));
  }

  static connect(base: string, user: BenchUser, timeoutMs = 15_000): Promise<WorkshopClient> {
    const socket: Socket<ServerToClientEvents, ClientToServerEvents> = io(base, {
      transports: ['websocket'],
      extraHeaders: { origin: base, cookie: user.cookie },
      reconnection: false,
      forceNew: true,
      timeout: timeoutMs,
    });
    return new Promise((resolve, reject) => {
      socket.once('connect', () => resolve(new WorkshopClient(user, socket)));
      socket.once('connect_error', (err) => {
        socket.close();
        reject(new Error(`socket.io for ${user.id}: ${err.message}`));
      });
    });
  }

  /** Emits `event` and waits for its acknowledgement; `sentAt` is taken right before the emit. */
  async request<A>(
    event: keyof ClientToServerEvents,
    payload: unknown,
    timeoutMs = 10_000,
  ): Promise<{ ack: A; sentAt: number; ackAt: number }> {
    // The contracts type each handler's payload as `unknown`; the bench sends what they validate.
    const timed = this.socket.timeout(timeoutMs) as unknown as {
      emitWithAck(e: string, p: unknown): Promise<A>;
    };
    const sentAt = clock();
    const ack = await timed.emitWithAck(event, payload).catch((err: Error) => {
      throw new Error(`${event}: ${err.message} (no acknowledgement within ${timeoutMs} ms)`);
    });
    return { ack, sentAt, ackAt: clock() };
  }

  /** Arrivals of `event` at or after `from` (bench clock). */
  arrivalsOf(event: string, from = -Infinity): WorkshopArrival[] {
    return this.arrivals.filter((a) => a.event === event && a.at >= from);
  }

  close(): void {
    this.socket.close();
  }
}
