import type { ClientBinding, Contribution } from '@polisee/domain';

/**
 * The attribution store port (decision 0069): the contribution ledger and the Yjs client-id
 * bindings of each document. Both adapters (`sqliteAttributionRepo.ts`,
 * `mongoAttributionRepo.ts`) implement it and pass `attributionContract.test.ts`. Each store
 * exposes it as `store.attribution`. Entries are only ever appended: the ledger is a record.
 */
export interface AttributionRepo {
  /** Appends ledger entries, in one write. */
  appendContributions(entries: readonly Contribution[]): Promise<void>;
  /**
   * The entries of these documents, `from` ≤ `at` < `to` when given, ordered by time then
   * document, user and kind.
   */
  listContributions(filter: ContributionFilter): Promise<Contribution[]>;
  /**
   * Binds client ids that are not bound yet; a client id already bound keeps its first user
   * (of two processes binding one id at once, one wins). Returns the binding each id has now,
   * in the order given.
   */
  bindClients(bindings: readonly ClientBinding[]): Promise<ClientBinding[]>;
  /** A document's bindings, ordered by client id. */
  listBindings(documentId: string): Promise<ClientBinding[]>;
}

export interface ContributionFilter {
  documentIds: readonly string[];
  /** ISO 8601 UTC, inclusive. */
  from?: string;
  /** ISO 8601 UTC, exclusive. */
  to?: string;
}
