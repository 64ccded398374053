import { z } from 'zod';
import { DocumentVersionSchema, IdSchema, VersionNameSchema } from '@polisee/domain';
import { BlockChangeSchema } from './blocks.js';

export const VersionParamsSchema = z.object({ id: IdSchema, versionId: IdSchema });

/** A page of a document's history, newest first. `before` is a version number (exclusive). */
export const VersionsQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(1000).default(100),
  before: z.coerce.number().int().min(1).optional(),
});
export type VersionsQuery = z.infer<typeof VersionsQuerySchema>;

export const VersionsPageSchema = z.object({
  items: z.array(DocumentVersionSchema),
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextBefore: z.number().int().nullable(),
});
export type VersionsPage = z.infer<typeof VersionsPageSchema>;

/** "Save version as…". */
export const SaveVersionRequestSchema = z.strictObject({ name: VersionNameSchema });
export type SaveVersionRequest = z.input<typeof SaveVersionRequestSchema>;

/** A version's content, read-only: ProseMirror JSON in the shared editor schema, and text. */
export const VersionContentSchema = z.object({
  version: DocumentVersionSchema,
  json: z.record(z.string(), z.unknown()),
  text: z.string(),
});
export type VersionContent = z.infer<typeof VersionContentSchema>;

/** The live document, as the other side of a comparison. */
export const CURRENT_VERSION = 'current';

export const DiffQuerySchema = z.strictObject({
  from: IdSchema,
  to: z.union([z.literal(CURRENT_VERSION), IdSchema]).default(CURRENT_VERSION),
});
export type DiffQuery = z.infer<typeof DiffQuerySchema>;

/** How many changed ranges of each kind the comparison marks. */
export const DiffStatsSchema = z.object({
  inserted: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  formatChanged: z.number().int().nonnegative(),
});
export type DiffStats = z.infer<typeof DiffStatsSchema>;

/**
 * Two states of a document compared: `json` is the newer side's document in its own structure
 * with the older side's deleted content put back where it was, marked with the `diffInsert`,
 * `diffDelete` and `diffFormat` marks (and a `diff` attribute on whole blocks) of
 * `diffExtensions()` in `@polisee/editor-schema`. Render it read-only with
 * `[...sharedExtensions(), ...diffExtensions()]`.
 */
export const DocumentDiffSchema = z.object({
  documentId: IdSchema,
  from: DocumentVersionSchema,
  /** Null when compared with the current state. */
  to: DocumentVersionSchema.nullable(),
  json: z.record(z.string(), z.unknown()),
  stats: DiffStatsSchema,
  /** What changed inside the method blocks, by item (decision 0049). */
  blockChanges: z.array(BlockChangeSchema).default([]),
});
export type DocumentDiff = z.infer<typeof DocumentDiffSchema>;
