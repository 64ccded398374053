import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { LanguageSchema } from './languages.js';
import { CountryCodeSchema } from './organisations.js';
import { ThematicPrioritySchema } from './priorities.js';
import { singleLineText } from './userText.js';

export const DOCUMENT_KINDS = [
  'joint_strategic_plan',
  'sustainability_plan',
  'foresight_exercise',
  'policy_assessment',
  'past_action_review',
  'pilot_initiative',
  'training_package',
  'workshop_notes',
  'good_practice',
] as const;
export const DocumentKindSchema = z.enum(DOCUMENT_KINDS);
export type DocumentKind = z.infer<typeof DocumentKindSchema>;

export const DOCUMENT_STATUSES = [
  'draft',
  'in_review',
  'changes_requested',
  'approved',
  'published',
  'archived',
] as const;
export const DocumentStatusSchema = z.enum(DOCUMENT_STATUSES);
export type DocumentStatus = z.infer<typeof DocumentStatusSchema>;

export const DOCUMENT_LIMITS = {
  titleChars: 200,
  /** Countries a document is tagged with: the 16 of the cooperation area, with room to spare. */
  countries: 30,
  /** Tags of the knowledge base: a few keywords, not a second title (decision 0062). */
  tags: 10,
  tagChars: 32,
  /** Members held to suggestions on one document: a working group's size, with room to spare. */
  suggestOnlyMembers: 200,
} as const;

export const DocumentTitleSchema = singleLineText({ max: DOCUMENT_LIMITS.titleChars });

/** The countries a document concerns, as a request sets them (the stored list is not re-checked). */
export const DocumentCountriesSchema = z.array(CountryCodeSchema).max(DOCUMENT_LIMITS.countries);

/**
 * A tag as stored: trimmed, lower case, inner spaces as one hyphen ("Cluster  Vouchers" and
 * "cluster-vouchers" are one tag), letters of any script, digits and hyphens only.
 */
export function normaliseTag(raw: string): string {
  return raw
    .normalize('NFC')
    .trim()
    .toLowerCase()
    .replace(/[\s_]+/gu, '-');
}

export const DocumentTagSchema = z
  .string()
  .transform(normaliseTag)
  .pipe(
    z
      .string()
      .min(1)
      .max(DOCUMENT_LIMITS.tagChars)
      .regex(/^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u, 'letters, digits and single hyphens only'),
  );

/** The tags a request sets (duplicates after normalising count once; the service drops them). */
export const DocumentTagsSchema = z.array(DocumentTagSchema).max(DOCUMENT_LIMITS.tags);

export const DocumentSchema = z.object({
  id: IdSchema,
  title: DocumentTitleSchema,
  kind: DocumentKindSchema,
  workingGroupId: IdSchema,
  thematicPriorities: z.array(ThematicPrioritySchema).min(1),
  countries: z.array(CountryCodeSchema),
  /** Normalised tags (DocumentTagSchema); empty for documents stored before tags existed. */
  tags: z.array(z.string()),
  language: LanguageSchema,
  status: DocumentStatusSchema,
  ownerIds: z.array(IdSchema),
  /**
   * Members the lead holds to suggestions on this document (decision 0081), whatever their role
   * in the group: they may suggest while it is drafted or reviewed, never edit it directly.
   * Documents stored before the grant existed have none.
   */
  suggestOnlyIds: z.array(IdSchema).default([]),
  createdBy: IdSchema,
  createdAt: IsoDateTimeSchema,
  updatedAt: IsoDateTimeSchema,
});
export type PoliDocument = z.infer<typeof DocumentSchema>;
