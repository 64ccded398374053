import type { Redis } from 'ioredis';
import type { Logger } from 'pino';

/** What travels between processes for one document. */
export type StreamEntryKind = 'update' | 'awareness';

export interface StreamEntry {
  /** The Redis stream id: ordered within the document's stream. */
  id: string;
  kind: StreamEntryKind;
  data: Uint8Array;
}

export interface StreamSubscriber {
  /** Entries other processes added, in stream order. */
  entries(entries: StreamEntry[]): void;
  /**
   * The process may have missed entries (Redis restarted, or the stream was trimmed while this
   * process could not read): the subscriber re-syncs from storage, which holds every entry a
   * trim removed. Reading then continues where it was.
   */
  gap(): void;
}

/** Entries read per stream per call: a burst is taken in slices, never unbounded. */
const READ_COUNT = 1000;
/** How long a read waits for new entries before it looks again (and picks up new streams). */
const BLOCK_MS = 2000;
const RETRY_MS = [50, 200, 1000];

/** The Redis key of a document's stream. Braces: a Redis Cluster keeps a document's keys on one slot. */
export function documentStreamKey(documentId: string, prefix = 'polisee'): string {
  return `${prefix}:doc:{${documentId}}`;
}

/**
 * One Redis stream per open document, shared by every process that has the document open
 * (the y-redis design): a process appends what its own clients changed, and reads everything
 * the others appended, in order, from the id it last read — so after a blip it resumes where it
 * was instead of dropping what was sent meanwhile (Hocuspocus's Redis extension publishes with
 * pub/sub, which forgets). One blocking reader per process covers all its documents; a stream
 * of its own (`wake`) lets it start reading a newly opened document at once.
 *
 * A failed read never stops the loop and never poisons another document's stream: ids only
 * ever come from Redis' own answers, and after an error every subscriber is told of a possible
 * gap and re-syncs from storage.
 */
export class DocumentStreams {
  private readonly subscriptions = new Map<string, { lastId: string; to: StreamSubscriber }>();
  private readonly wakeKey: string;
  private wakeId = '$';
  private running = true;
  private readonly loop: Promise<void>;

  constructor(
    /** Appends and trims. */
    private readonly commands: Redis,
    /** Blocking reads only: a blocked connection can do nothing else. */
    private readonly reader: Redis,
    private readonly processId: string,
    private readonly logger: Logger,
    private readonly prefix = 'polisee',
  ) {
    this.wakeKey = `${prefix}:wake:${processId}`;
    // ioredis re-sends a read cut by a lost connection on its own; every reconnection after
    // the first may have missed entries (a restarted Redis lost its streams), so it counts as a gap.
    let connectedBefore = reader.status === 'ready';
    reader.on('ready', () => {
      if (connectedBefore) this.afterOutage();
      connectedBefore = true;
    });
    this.loop = this.readLoop();
  }

  keyOf(documentId: string): string {
    return documentStreamKey(documentId, this.prefix);
  }

  /** Reads the document's stream from its start: whatever storage may not hold yet is there. */
  subscribe(documentId: string, to: StreamSubscriber): () => void {
    const key = this.keyOf(documentId);
    this.subscriptions.set(key, { lastId: '0', to });
    this.wake();
    return () => {
      if (this.subscriptions.get(key)?.to === to) this.subscriptions.delete(key);
    };
  }

  /** Appends this process's change; other processes read it, this one skips it. */
  async publish(documentId: string, kind: StreamEntryKind, data: Uint8Array): Promise<string> {
    const id = await this.commands.xadd(
      this.keyOf(documentId),
      '*',
      'p',
      this.processId,
      'k',
      kind === 'update' ? 'u' : 'a',
      'd',
      Buffer.from(data.buffer, data.byteOffset, data.byteLength),
    );
    return id!;
  }

  /** The last id this process has read on the document's stream ('0' before the first). */
  lastReadId(documentId: string): string | undefined {
    return this.subscriptions.get(this.keyOf(documentId))?.lastId;
  }

  /** Removes the entries before `minId`: only once a durable write covers them (see RoomRelay). */
  async trimBefore(documentId: string, minId: string): Promise<void> {
    await this.commands.xtrim(this.keyOf(documentId), 'MINID', minId);
  }

  async close(): Promise<void> {
    this.running = false;
    this.reader.disconnect();
    await this.loop;
  }

  private wake() {
    this.commands
      .xadd(this.wakeKey, 'MAXLEN', '~', '10', '*', 'w', '1')
      .catch((err: unknown) => this.logger.debug({ err }, 'scale-out: waking the reader failed'));
  }

  private async readLoop(): Promise<void> {
    let failures = 0;
    while (this.running) {
      const keys = [...this.subscriptions.keys()];
      const ids = keys.map((k) => this.subscriptions.get(k)!.lastId);
      try {
        const answer = await this.reader.xreadBuffer(
          'COUNT',
          READ_COUNT,
          'BLOCK',
          BLOCK_MS,
          'STREAMS',
          this.wakeKey,
          ...keys,
          this.wakeId,
          ...ids,
        );
        if (failures > 0) this.afterOutage();
        failures = 0;
        for (const [keyBuffer, raw] of answer ?? []) this.deliver(keyBuffer.toString(), raw);
      } catch (err) {
        if (!this.running) return;
        failures++;
        if (failures === 1) this.logger.warn({ err }, 'scale-out: reading document streams failed');
        await new Promise((r) => setTimeout(r, RETRY_MS[Math.min(failures, RETRY_MS.length) - 1]));
      }
    }
  }

  private deliver(key: string, raw: [Buffer, Buffer[]][]) {
    if (raw.length === 0) return;
    if (key === this.wakeKey) {
      this.wakeId = raw.at(-1)![0].toString();
      return;
    }
    const subscription = this.subscriptions.get(key);
    // Closed while the read was on its way: nothing to deliver to.
    if (!subscription) return;
    const entries: StreamEntry[] = [];
    for (const [idBuffer, fields] of raw) {
      const id = idBuffer.toString();
      subscription.lastId = id;
      const entry = parseEntry(id, fields);
      if (!entry) {
        this.logger.warn({ key, id }, 'scale-out: skipped an entry that is not ours');
        continue;
      }
      if (entry.processId !== this.processId) entries.push(entry.entry);
    }
    if (entries.length === 0) return;
    try {
      subscription.to.entries(entries);
    } catch (err) {
      this.logger.error({ err, key }, 'scale-out: applying entries from another process failed');
    }
  }

  /** After Redis came back: what was trimmed or lost meanwhile is re-read from storage. */
  private afterOutage() {
    this.logger.info('scale-out: document streams readable again; re-syncing open documents');
    for (const { to } of this.subscriptions.values()) to.gap();
  }
}

function parseEntry(
  id: string,
  fields: Buffer[],
): { processId: string; entry: StreamEntry } | null {
  let processId: string | undefined;
  let kind: StreamEntryKind | undefined;
  let data: Buffer | undefined;
  for (let i = 0; i + 1 < fields.length; i += 2) {
    const name = fields[i]!.toString();
    if (name === 'p') processId = fields[i + 1]!.toString();
    else if (name === 'k') kind = fields[i + 1]!.toString() === 'u' ? 'update' : 'awareness';
    else if (name === 'd') data = fields[i + 1];
  }
  if (!processId || !kind || !data) return null;
  return { processId, entry: { id, kind, data: new Uint8Array(data) } };
}
