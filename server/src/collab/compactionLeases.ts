/**
 * Who compacts a document whose log several processes write (scale-out): one process at a
 * time, under a lease with a fencing token (implemented over Redis in scaleout/). The token
 * goes with the compaction to the store, which refuses one whose token is older than the last
 * it applied: a process that paused past its lease (GC, SIGSTOP) and wakes mid-compaction
 * cannot overwrite the snapshot of the process that took the lease over.
 */
export interface CompactionLeases {
  /** A lease on the document's compaction, or null while another process holds one. */
  acquire(documentId: string): Promise<CompactionLease | null>;
}

export interface CompactionLease {
  /** Strictly greater than every token handed out before for this document. */
  readonly fence: number;
  /** Gives the lease up early (it expires on its own otherwise). */
  release(): Promise<void>;
}
