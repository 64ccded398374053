import type { Redis } from 'ioredis';
import type { CompactionLease, CompactionLeases } from '../collab/compactionLeases.js';

/**
 * Long enough for a compaction of a large document (load, merge, write), short enough that a
 * process that died holding it delays the next compaction by little: the log just grows a bit.
 */
export const COMPACTION_LEASE_MS = 30_000;

/** Deletes the lease only while it is still ours: an expired one may belong to another now. */
const RELEASE_IF_OURS = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

/**
 * Compaction leases over Redis: `SET NX PX` on the document's lease key, with a fencing token
 * from `INCR` on its fence key (never reset, so tokens only grow). The store refuses a
 * compaction under a token older than the last one it applied, which the lease alone cannot
 * promise: a holder that paused past the expiry and wakes mid-write.
 */
export class RedisCompactionLeases implements CompactionLeases {
  constructor(
    private readonly commands: Redis,
    private readonly processId: string,
    private readonly leaseMs = COMPACTION_LEASE_MS,
  ) {}

  async acquire(documentId: string): Promise<CompactionLease | null> {
    // Braces: a Redis Cluster keeps a document's keys on one slot.
    const leaseKey = `polisee:compact:{${documentId}}`;
    const fence = await this.commands.incr(`polisee:compact-fence:{${documentId}}`);
    const holder = `${this.processId}:${fence}`;
    const taken = await this.commands.set(leaseKey, holder, 'PX', this.leaseMs, 'NX');
    if (taken !== 'OK') return null;
    return {
      fence,
      release: async () => {
        await this.commands.eval(RELEASE_IF_OURS, 1, leaseKey, holder);
      },
    };
  }
}
