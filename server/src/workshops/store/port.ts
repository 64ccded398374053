import type {
  Attendance,
  Ballot,
  Poll,
  Workshop,
  WorkshopOutcome,
  WorkshopStatus,
} from '@polisee/domain';

/**
 * The workshops' store port: what the workshop services need from storage. Both adapters
 * (`sqliteWorkshopRepo.ts`, `mongoWorkshopRepo.ts`) implement it and pass
 * `workshopContract.test.ts`. Each store exposes it as `store.workshops`.
 */
export interface WorkshopRepo {
  create(workshop: Workshop): Promise<void>;
  get(id: string): Promise<Workshop | null>;
  list(query: WorkshopQuery): Promise<Workshop[]>;
  /**
   * Replaces the workshop's mutable fields (everything but `id`, `workingGroupId`,
   * `notesDocumentId`, `createdBy` and `createdAt`). The services change one workshop at a time
   * (they serialise per workshop), so a whole-record write never loses a concurrent change.
   */
  save(workshop: Workshop): Promise<void>;
  /** Workshops where the user is a guest (any status): what a guest may see of other groups. */
  listGuestOf(userId: string): Promise<Workshop[]>;

  createPoll(poll: Poll): Promise<void>;
  getPoll(id: string): Promise<Poll | null>;
  /** Oldest first. */
  listPolls(workshopId: string): Promise<Poll[]>;
  /** Every poll still open in any workshop (to re-arm their time limits after a restart). */
  listOpenPolls(): Promise<Poll[]>;
  /** Closes an open poll; false when it was closed already (so only one caller closes it). */
  closePoll(id: string, closedAt: string): Promise<boolean>;
  /**
   * One ballot per voter and poll: a second ballot from the same voter replaces the first, so
   * a ballot sent twice (reconnect, double click, two tabs) counts once.
   */
  castBallot(ballot: Ballot): Promise<void>;
  /** Ordered by `userId`. */
  listBallots(pollId: string): Promise<Ballot[]>;
  getBallot(pollId: string, userId: string): Promise<Ballot | null>;

  addOutcome(outcome: WorkshopOutcome): Promise<void>;
  /** Oldest first. */
  listOutcomes(workshopId: string): Promise<WorkshopOutcome[]>;
  countOutcomes(workshopId: string): Promise<number>;

  /** A user joined the live workshop (a new stay). */
  recordJoin(entry: Attendance): Promise<void>;
  /** Ends the user's open stays in the workshop. */
  recordLeave(workshopId: string, userId: string, leftAt: string): Promise<void>;
  /** Ends every open stay (the workshop ended, or the server restarted with stays open). */
  closeAttendance(workshopId: string, leftAt: string): Promise<void>;
  /** Oldest first. */
  listAttendance(workshopId: string): Promise<Attendance[]>;
}

export interface WorkshopQuery {
  /** Only workshops of these working groups; undefined = every group. */
  workingGroupIds?: string[];
  workingGroupId?: string;
  statuses?: WorkshopStatus[];
  /** Ordered by `startsAt`, then `id`. */
  limit?: number;
}
