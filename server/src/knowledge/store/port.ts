/**
 * The knowledge base's store port (decision 0062): links between documents and the summaries of
 * published versions, both derived from stored versions. Both adapters
 * (`sqliteKnowledgeRepo.ts`, `mongoKnowledgeRepo.ts`) implement it and pass
 * `knowledgeContract.test.ts`; each store exposes it as `store.knowledge`.
 */

/**
 * Which version of the linking document a link was read from: its newest (`latest`), which its
 * group's readers see, or its published one (`published`), which a knowledge-base reader sees.
 */
export const LINK_SCOPES = ['latest', 'published'] as const;
export type LinkScope = (typeof LINK_SCOPES)[number];

export interface DocumentLink {
  fromDocumentId: string;
  scope: LinkScope;
  toDocumentId: string;
}

export interface KnowledgeRepo {
  /** Replaces the links a document has in that scope by these targets (duplicates count once). */
  replaceLinks(
    fromDocumentId: string,
    scope: LinkScope,
    toDocumentIds: readonly string[],
  ): Promise<void>;
  /** The links pointing at a document, ordered by linking document then scope. */
  linksTo(toDocumentId: string): Promise<DocumentLink[]>;
  /** Keeps the summary of a published version (a second put replaces the first). */
  putSummary(versionId: string, summary: string): Promise<void>;
  /** The summaries kept for these versions; a version without one is absent from the map. */
  summaries(versionIds: readonly string[]): Promise<Map<string, string>>;
}
