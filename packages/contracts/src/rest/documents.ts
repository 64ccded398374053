import { z } from 'zod';
import {
  CountryCodeSchema,
  DocumentCountriesSchema,
  DOCUMENT_LIMITS,
  DocumentKindSchema,
  DocumentStatusSchema,
  DocumentTagsSchema,
  DocumentTitleSchema,
  IdSchema,
  LanguageSchema,
  ThematicPrioritySchema,
} from '@polisee/domain';

export const CreateDocumentRequestSchema = z.strictObject({
  title: DocumentTitleSchema,
  kind: DocumentKindSchema,
  workingGroupId: IdSchema,
  thematicPriorities: z.array(ThematicPrioritySchema).min(1, 'pick at least one priority'),
  language: LanguageSchema,
  countries: DocumentCountriesSchema.default([]),
});
export type CreateDocumentRequest = z.input<typeof CreateDocumentRequestSchema>;

/** Rename and re-tag share one PATCH; the fields absent are left as they are. */
export const UpdateDocumentRequestSchema = z
  .strictObject({
    title: DocumentTitleSchema.optional(),
    thematicPriorities: z.array(ThematicPrioritySchema).min(1).optional(),
    countries: DocumentCountriesSchema.optional(),
    /** The knowledge base's keywords (decision 0062), set by whoever may re-tag. */
    tags: DocumentTagsSchema.optional(),
    /**
     * The members the lead holds to suggestions on this document (decision 0081), replacing
     * the list; the group's members only, never its lead.
     */
    suggestOnlyIds: z.array(IdSchema).max(DOCUMENT_LIMITS.suggestOnlyMembers).optional(),
  })
  .refine((v) => Object.keys(v).length > 0, { message: 'give at least one field to change' });
export type UpdateDocumentRequest = z.infer<typeof UpdateDocumentRequestSchema>;

/**
 * Catalogue filters from the query string. Each filter is a single value; `includeArchived`
 * is off by default so archived documents leave the catalogue unless asked for.
 */
export const DocumentFilterSchema = z.strictObject({
  workingGroupId: IdSchema.optional(),
  priority: ThematicPrioritySchema.optional(),
  kind: DocumentKindSchema.optional(),
  status: DocumentStatusSchema.optional(),
  country: CountryCodeSchema.optional(),
  includeArchived: z
    .enum(['true', 'false'])
    .transform((v) => v === 'true')
    .optional(),
});
export type DocumentFilter = z.infer<typeof DocumentFilterSchema>;

/** The document's content as the shared editor schema renders it (ProseMirror JSON) and as text. */
export const DocumentContentSchema = z.object({
  documentId: IdSchema,
  json: z.record(z.string(), z.unknown()),
  text: z.string(),
});
export type DocumentContent = z.infer<typeof DocumentContentSchema>;

export const ActivityQuerySchema = z.strictObject({
  limit: z.coerce.number().int().min(1).max(100).default(20),
});
