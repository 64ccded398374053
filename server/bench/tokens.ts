import { LatencyHistogram } from './stats.js';
import { clock } from './util.js';

/**
 * Every edit inserts a unique token, `~tk<base36 id>~`, whose send time is kept here. Yjs encodes
 * inserted text as plain UTF-8 inside an update, so a receiver finds the token in the raw frame
 * bytes whichever server relayed it (and however it framed or merged the update), then looks
 * up the send time.
 */
const TILDE = 0x7e;
const T = 0x74;
const K = 0x6b;

export function tokenText(id: number): string {
  return `~tk${id.toString(36)}~`;
}

/** Calls `found` for each token id in `bytes`. Unknown ids (a chance match in binary) are ignored by the ledger. */
export function scanTokens(bytes: Uint8Array, found: (id: number) => void): void {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let i = buf.indexOf(TILDE);
  while (i !== -1 && i + 4 < buf.length) {
    if (buf[i + 1] === T && buf[i + 2] === K) {
      let id = 0;
      let j = i + 3;
      let digits = 0;
      for (; j < buf.length && digits < 9; j++, digits++) {
        const c = buf[j]!;
        if (c >= 0x30 && c <= 0x39) id = id * 36 + (c - 0x30);
        else if (c >= 0x61 && c <= 0x7a) id = id * 36 + (c - 0x61 + 10);
        else break;
      }
      if (digits > 0 && buf[j] === TILDE) {
        found(id);
        i = buf.indexOf(TILDE, j + 1);
        continue;
      }
    }
    i = buf.indexOf(TILDE, i + 1);
  }
}

/**
 * Token ids, senders and send times in shared memory, so that generator threads can hand each
 * other tokens: a send time written by one thread is read by the thread whose client receives
 * the token (the send syscall that follows the write orders it before any arrival).
 */
export interface LedgerShare {
  clientCount: number;
  capacity: number;
  counter: SharedArrayBuffer;
  sendTime: SharedArrayBuffer;
  sender: SharedArrayBuffer;
}

export function createLedgerShare(clientCount: number, capacity: number): LedgerShare {
  const share = {
    clientCount,
    capacity,
    counter: new SharedArrayBuffer(4),
    sendTime: new SharedArrayBuffer(capacity * 8),
    sender: new SharedArrayBuffer(capacity * 4),
  };
  new Float64Array(share.sendTime).fill(NaN);
  return share;
}

/**
 * One thread's view of the ledger: it issues tokens for its senders and records arrivals at its
 * receivers (clients `from` ≤ i < `to`). `seen` holds one bit per (token, receiver), so a token
 * that reaches a client twice (a resync after the edit) is counted once.
 */
export class TokenLedger {
  readonly latency = new LatencyHistogram();
  private readonly counter: Int32Array;
  private readonly sendTime: Float64Array;
  private readonly sender: Int32Array;
  private readonly seen: Uint8Array;
  private readonly bytesPerToken: number;
  delivered = 0;
  /** Frames shown to the ledger, tokens or not: a measure of traffic still in flight. */
  frames = 0;
  lastArrival = -Infinity;

  constructor(
    readonly share: LedgerShare,
    private readonly receivers = { from: 0, to: share.clientCount },
  ) {
    this.counter = new Int32Array(share.counter);
    this.sendTime = new Float64Array(share.sendTime);
    this.sender = new Int32Array(share.sender);
    this.bytesPerToken = Math.ceil((receivers.to - receivers.from) / 8);
    this.seen = new Uint8Array(share.capacity * this.bytesPerToken);
  }

  /** A ledger for one thread that both sends and receives for all clients. */
  static local(clientCount: number, capacity: number): TokenLedger {
    return new TokenLedger(createLedgerShare(clientCount, capacity));
  }

  get clientCount(): number {
    return this.share.clientCount;
  }

  /** Reserves the next token for `senderIndex`, or null when the ledger is full. */
  issue(senderIndex: number): { id: number; text: string } | null {
    const id = Atomics.add(this.counter, 0, 1);
    if (id >= this.share.capacity) return null;
    this.sender[id] = senderIndex;
    return { id, text: tokenText(id) };
  }

  /** Call right before the bytes carrying token `id` leave. */
  sent(id: number, at = clock()): void {
    this.sendTime[id] = at;
  }

  /** When token `id` was sent, or NaN if it was not (yet). */
  sendTimeOf(id: number): number {
    return id < this.share.capacity ? this.sendTime[id]! : NaN;
  }

  /** A receiver saw these bytes (one frame) at `at`. */
  observe(receiver: number, bytes: Uint8Array, at = clock()): void {
    this.frames++;
    scanTokens(bytes, (id) => this.arrive(id, receiver, at));
  }

  arrive(id: number, receiver: number, at: number): void {
    if (id >= this.share.capacity || this.sender[id] === receiver) return;
    const sentAt = this.sendTime[id]!;
    if (Number.isNaN(sentAt)) return;
    const local = receiver - this.receivers.from;
    const byte = id * this.bytesPerToken + (local >> 3);
    const mask = 1 << (local & 7);
    if (this.seen[byte]! & mask) return;
    this.seen[byte] = this.seen[byte]! | mask;
    this.delivered++;
    this.lastArrival = at;
    this.latency.record(at - sentAt);
  }

  /** Tokens sent so far (by every thread). */
  sentCount(): number {
    const issued = Math.min(Atomics.load(this.counter, 0), this.share.capacity);
    let sent = 0;
    for (let id = 0; id < issued; id++) if (!Number.isNaN(this.sendTime[id]!)) sent++;
    return sent;
  }

  firstSend(): number {
    const issued = Math.min(Atomics.load(this.counter, 0), this.share.capacity);
    let first = Infinity;
    for (let id = 0; id < issued; id++) first = Math.min(first, this.sendTime[id]!);
    return first;
  }

  /** Deliveries a perfect server would make: every sent token to every other client. */
  get expected(): number {
    return this.sentCount() * (this.share.clientCount - 1);
  }
}
