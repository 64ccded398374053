import { z } from 'zod';
import { DocumentStatusSchema } from './documents.js';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { singleLineText } from './userText.js';

/**
 * Why a version was taken: `auto` when a burst of editing ended, `named` by "Save version as…",
 * `review` when a review round froze the document, `status` at a status change, `restore` when
 * an older version was brought back, `published` when a version was published.
 */
export const VERSION_KINDS = ['auto', 'named', 'review', 'status', 'restore', 'published'] as const;
export const VersionKindSchema = z.enum(VERSION_KINDS);
export type VersionKind = z.infer<typeof VersionKindSchema>;

export const VERSION_LIMITS = {
  /** A label in a history list, not a description. */
  nameChars: 120,
} as const;

export const VersionNameSchema = singleLineText({ max: VERSION_LIMITS.nameChars });

/** Someone who changed the document since the previous version, with their organisation. */
export const VersionContributorSchema = z.object({
  userId: IdSchema,
  organisationId: IdSchema,
});
export type VersionContributor = z.infer<typeof VersionContributorSchema>;

/**
 * A saved state of a document. The Yjs bytes are stored beside it and never travel with it:
 * a history list is metadata only.
 */
export const DocumentVersionSchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  /** 1, 2, … per document, in the order the versions were taken. */
  number: z.number().int().positive(),
  /** Null for automatic versions (and when nobody gave one). */
  name: z.string().nullable(),
  kind: VersionKindSchema,
  createdAt: IsoDateTimeSchema,
  /** Null for automatic versions. */
  createdBy: IdSchema.nullable(),
  /** Who sent updates since the previous version (automatic capture), sorted by user id. */
  contributors: z.array(VersionContributorSchema),
  /** The document's status right after the version was taken. */
  documentStatus: DocumentStatusSchema,
  /** The version this one copies or brings back (`restore`, `published`), else null. */
  sourceVersionId: IdSchema.nullable(),
  /** Base64 of the Yjs state vector of the state. */
  stateVector: z.string(),
  /** SHA-256 (hex) of the content as ProseMirror JSON: equal content, equal hash. */
  contentHash: z.string(),
});
export type DocumentVersion = z.infer<typeof DocumentVersionSchema>;
