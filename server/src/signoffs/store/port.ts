import type { Signatory, SignoffAnswer, SignoffRequest } from '@polisee/domain';

/**
 * The sign-offs' store port (decision 0065): each organisation's signatory per working group,
 * and the requests with their answers. Both adapters (`sqliteSignoffRepo.ts`,
 * `mongoSignoffRepo.ts`) implement it and pass `signoffContract.test.ts`; each store exposes it
 * as `store.signoffs`.
 *
 * Answers are append-only: one per organisation and request, taken only while the request is
 * neither withdrawn nor lapsed, and never changed. The "once" is the store's, atomically, so
 * two answers for one organisation at once leave exactly one.
 */
export interface SignoffRepo {
  /** Names (or replaces) the signatory of an organisation in a group. */
  setSignatory(signatory: Signatory): Promise<void>;
  /** Leaves the organisation with nobody; false when it had nobody. */
  clearSignatory(workingGroupId: string, organisationId: string): Promise<boolean>;
  /** The group's signatories, ordered by organisation id. */
  listSignatories(workingGroupId: string): Promise<Signatory[]>;

  /** Stores a request as given (with its answers, when store:copy brings them). */
  create(request: SignoffRequest): Promise<void>;
  get(id: string): Promise<SignoffRequest | null>;
  /** A document's requests, newest first. */
  listForDocument(documentId: string): Promise<SignoffRequest[]>;
  /** The newest request of each of these documents that has one (catalogue chips), any order. */
  latestForDocuments(documentIds: readonly string[]): Promise<SignoffRequest[]>;
  /**
   * Appends an organisation's answer if the request is live (neither withdrawn nor lapsed),
   * asks that organisation, and has no answer from it yet. False otherwise, nothing changed.
   */
  addAnswer(requestId: string, answer: SignoffAnswer): Promise<boolean>;
  /** Withdraws a live request; false when it was already withdrawn or lapsed. */
  withdraw(requestId: string, by: string, at: string): Promise<boolean>;
  /** Marks a live request lapsed; false when it already was, or was withdrawn (one winner). */
  markLapsed(requestId: string, at: string): Promise<boolean>;
}
