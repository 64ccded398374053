/**
 * Which live workshops other server processes have participants in (decision 0079). A process
 * that starts closes the stays a crash left open, and one that shuts down closes the stays of
 * its workshops; with several processes (REDIS_URL), neither may close the stays of people
 * connected to another process that is still running.
 */
export interface LiveWorkshopHosts {
  /** Workshops in which another running process has participants now. */
  servedElsewhere(): Promise<ReadonlySet<string>>;
  /** Starts telling the others which workshops this process has participants in. */
  announce(workshopIds: () => readonly string[]): void;
  close(): Promise<void>;
}

/** One process: nobody else serves anything. */
export const singleProcessHosts: LiveWorkshopHosts = {
  servedElsewhere: async () => new Set(),
  announce: () => undefined,
  close: async () => undefined,
};
