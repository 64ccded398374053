import { z } from 'zod';
import {
  ContributionPeriodSchema,
  CountryCodeSchema,
  IdSchema,
  PRESENCE_COLORS,
  YjsClientIdSchema,
} from '@polisee/domain';

/**
 * Authorship and contribution statistics (decision 0069). The authorship map tells which
 * organisation wrote under each Yjs client id of a document; `colourIndex` indexes
 * `PRESENCE_COLORS`, picked by the organisation's name as suggestions and cursors pick it.
 */
export const AuthorshipOrganisationSchema = z.object({
  organisationId: IdSchema,
  name: z.string(),
  country: CountryCodeSchema,
  colourIndex: z
    .number()
    .int()
    .min(0)
    .max(PRESENCE_COLORS.length - 1),
});
export type AuthorshipOrganisation = z.infer<typeof AuthorshipOrganisationSchema>;

export const AuthorshipResponseSchema = z.object({
  documentId: IdSchema,
  clients: z.array(z.object({ clientId: YjsClientIdSchema, organisationId: IdSchema })),
  organisations: z.array(AuthorshipOrganisationSchema),
});
export type AuthorshipResponse = z.infer<typeof AuthorshipResponseSchema>;

/** A day (`2026-03-01`); `to` is inclusive: the whole day counts. */
const DayParam = z.iso.date();

const rangeRefinement = <T extends { from?: string; to?: string }>(v: T) =>
  !v.from || !v.to || v.from <= v.to;

export const DocumentContributionsQuerySchema = z
  .strictObject({
    from: DayParam.optional(),
    to: DayParam.optional(),
    period: ContributionPeriodSchema.default('month'),
  })
  .refine(rangeRefinement, { path: ['to'], message: '`to` is before `from`' });
export type DocumentContributionsQuery = z.infer<typeof DocumentContributionsQuerySchema>;

export const CONTRIBUTION_GROUPINGS = ['organisation', 'country'] as const;
export const ContributionGroupingSchema = z.enum(CONTRIBUTION_GROUPINGS);
export type ContributionGrouping = z.infer<typeof ContributionGroupingSchema>;

/** Without `workingGroupId`, every group (workspace admins only). */
export const ProgrammeContributionsQuerySchema = z
  .strictObject({
    workingGroupId: IdSchema.optional(),
    from: DayParam.optional(),
    to: DayParam.optional(),
    period: ContributionPeriodSchema.default('month'),
    groupBy: ContributionGroupingSchema.default('organisation'),
  })
  .refine(rangeRefinement, { path: ['to'], message: '`to` is before `from`' });
export type ProgrammeContributionsQuery = z.infer<typeof ProgrammeContributionsQuerySchema>;

/**
 * What one organisation (or country) did. Characters are those its people typed and deleted
 * (or marked for deletion), directly or as suggestions; `suggestionsAccepted`/`Rejected` count
 * its suggestions that editors settled; `suggestionsSettled` those its people settled.
 */
export const ContributionFiguresSchema = z.object({
  charactersInserted: z.number().int().min(0),
  charactersDeleted: z.number().int().min(0),
  suggestionsMade: z.number().int().min(0),
  suggestionsAccepted: z.number().int().min(0),
  suggestionsRejected: z.number().int().min(0),
  suggestionsSettled: z.number().int().min(0),
});
export type ContributionFigures = z.infer<typeof ContributionFiguresSchema>;

/** Who: an organisation (with its country), or a country alone when grouped by country. */
export const ContributorSchema = z.object({
  organisationId: IdSchema.nullable(),
  organisationName: z.string().nullable(),
  country: CountryCodeSchema,
});

export const ContributionRowSchema = ContributorSchema.extend(
  ContributionFiguresSchema.shape,
).extend({
  documentId: IdSchema,
  documentTitle: z.string(),
  /** `2026-03-01` by day, `2026-03` by month (UTC). */
  period: z.string(),
});
export type ContributionRow = z.infer<typeof ContributionRowSchema>;

export const ContributionTotalSchema = ContributorSchema.extend(ContributionFiguresSchema.shape);
export type ContributionTotal = z.infer<typeof ContributionTotalSchema>;

export const ContributionsResponseSchema = z.object({
  groupBy: ContributionGroupingSchema,
  period: ContributionPeriodSchema,
  /** Per document, period and contributor; ordered by period, document, contributor. */
  rows: z.array(ContributionRowSchema),
  /** Per contributor over the whole range, largest share of characters first. */
  totals: z.array(ContributionTotalSchema),
});
export type ContributionsResponse = z.infer<typeof ContributionsResponseSchema>;
