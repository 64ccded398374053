import { z } from 'zod';
import {
  CountryCodeSchema,
  DocumentKindSchema,
  DocumentTagSchema,
  IdSchema,
  IsoDateTimeSchema,
  KnowledgeKindSchema,
  LanguageSchema,
  ThematicPrioritySchema,
} from '@polisee/domain';

/** The knowledge base (decision 0062): published training packages and good practices. */

export const KNOWLEDGE_LIMITS = {
  /** A search box, not a document. */
  queryChars: 200,
  /** Characters of the first paragraph an entry shows as its summary. */
  summaryChars: 300,
} as const;

/** `GET /api/knowledge`: one value per filter; every filter given must hold (AND). */
export const KnowledgeQuerySchema = z.strictObject({
  priority: ThematicPrioritySchema.optional(),
  country: CountryCodeSchema.optional(),
  tag: DocumentTagSchema.optional(),
  kind: KnowledgeKindSchema.optional(),
  q: z.string().trim().max(KNOWLEDGE_LIMITS.queryChars).optional(),
});
export type KnowledgeQuery = z.infer<typeof KnowledgeQuerySchema>;

export const KnowledgeParamsSchema = z.strictObject({ documentId: IdSchema });

/** One published entry, as its card shows it. */
export const KnowledgeEntrySchema = z.object({
  documentId: IdSchema,
  title: z.string(),
  kind: KnowledgeKindSchema,
  thematicPriorities: z.array(ThematicPrioritySchema),
  workingGroup: z.object({ id: IdSchema, name: z.string() }),
  /** The countries the document concerns; when it names none, its author's organisation's. */
  countries: z.array(CountryCodeSchema),
  /** The language the entry is written in (a document has one). */
  language: LanguageSchema,
  tags: z.array(z.string()),
  publishedAt: IsoDateTimeSchema,
  /** The first paragraph of the published version, cut at a word. */
  summary: z.string(),
});
export type KnowledgeEntry = z.infer<typeof KnowledgeEntrySchema>;

export const FacetCountSchema = z.object({ value: z.string(), count: z.number().int() });
export type FacetCount = z.infer<typeof FacetCountSchema>;

/** Per facet, how many entries each value would show with the other filters as they are. */
export const KnowledgeFacetsSchema = z.object({
  priority: z.array(FacetCountSchema),
  country: z.array(FacetCountSchema),
  tag: z.array(FacetCountSchema),
  kind: z.array(FacetCountSchema),
});
export type KnowledgeFacets = z.infer<typeof KnowledgeFacetsSchema>;

export const KnowledgeListSchema = z.object({
  items: z.array(KnowledgeEntrySchema),
  facets: KnowledgeFacetsSchema,
});
export type KnowledgeList = z.infer<typeof KnowledgeListSchema>;

/**
 * A document linked from or to an entry, as far as the reader may open it: in the editor
 * (`document`, they read its group) or as a published entry (`knowledge`).
 */
export const KnowledgeLinkSchema = z.object({
  documentId: IdSchema,
  title: z.string(),
  kind: DocumentKindSchema,
  opensAs: z.enum(['document', 'knowledge']),
});
export type KnowledgeLink = z.infer<typeof KnowledgeLinkSchema>;

/** `GET /api/knowledge/:documentId`: the published version, read-only, with its links. */
export const KnowledgeEntryViewSchema = z.object({
  entry: KnowledgeEntrySchema,
  versionId: IdSchema,
  /** The published version's content (ProseMirror JSON of the shared schema). */
  json: z.record(z.string(), z.unknown()),
  /** Documents this entry links to. */
  links: z.array(KnowledgeLinkSchema),
  /** Documents that link to this entry; those the reader may not open are left out. */
  referencedBy: z.array(KnowledgeLinkSchema),
  /** Whether the reader may open the working draft too (a reader of its group). */
  mayOpenDocument: z.boolean(),
});
export type KnowledgeEntryView = z.infer<typeof KnowledgeEntryViewSchema>;
