import { z } from 'zod';
import { IdSchema } from './ids.js';
import { singleLineText } from './userText.js';

export const ORGANISATION_TYPES = [
  'public_authority',
  'development_agency',
  'university_research',
  'innovation_agency',
  'cluster_network',
] as const;
export const OrganisationTypeSchema = z.enum(ORGANISATION_TYPES);
export type OrganisationType = z.infer<typeof OrganisationTypeSchema>;

/** ISO 3166-1 alpha-2, upper case ("GR", "RO"). */
export const CountryCodeSchema = z
  .string()
  .regex(/^[A-Z]{2}$/, 'must be an ISO 3166-1 alpha-2 country code such as "GR"');
export type CountryCode = z.infer<typeof CountryCodeSchema>;

export const OrganisationNameSchema = singleLineText({ max: 200 });

export const OrganisationSchema = z.object({
  id: IdSchema,
  name: OrganisationNameSchema,
  country: CountryCodeSchema,
  type: OrganisationTypeSchema,
});
export type Organisation = z.infer<typeof OrganisationSchema>;
