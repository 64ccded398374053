import { z } from 'zod';
import {
  DocumentVersionSchema,
  IdSchema,
  SIGNOFF_LIMITS,
  SignatorySchema,
  SignoffAnswerKindSchema,
  SignoffAnswerTextSchema,
  SignoffMessageSchema,
  SignoffQuorumSchema,
  SignoffRequestSchema,
  SignoffStatusSchema,
} from '@polisee/domain';
import { ThreadPersonSchema } from './threads.js';

/**
 * Consent sign-off by partner organisations (decision 0065). `organisationIds` omitted asks
 * every organisation of the working group (those of its members). `required` is N of
 * `n_of_m`; under `all` it is left out.
 */
export const RequestSignoffRequestSchema = z
  .strictObject({
    versionId: IdSchema,
    organisationIds: z
      .array(IdSchema)
      .min(1, 'name at least one organisation')
      .max(SIGNOFF_LIMITS.organisations)
      .transform((ids) => [...new Set(ids)])
      .optional(),
    quorum: SignoffQuorumSchema.default('all'),
    required: z.number().int().positive().optional(),
    message: SignoffMessageSchema.default(''),
  })
  .refine((v) => v.quorum === 'all' || v.required !== undefined, {
    path: ['required'],
    message: 'say how many organisations must consent',
  })
  .refine((v) => v.quorum === 'n_of_m' || v.required === undefined, {
    path: ['required'],
    message: 'a count applies only to an "n_of_m" quorum',
  });
export type RequestSignoffRequest = z.input<typeof RequestSignoffRequestSchema>;

/** Reservations and objections must say what they are; a plain consent may be silent. */
export const AnswerSignoffRequestSchema = z
  .strictObject({
    answer: SignoffAnswerKindSchema,
    text: SignoffAnswerTextSchema.default(''),
  })
  .refine((v) => v.answer === 'consent' || v.text.length > 0, {
    path: ['text'],
    message: 'say what your reservations or your objection are',
  });
export type AnswerSignoffRequest = z.input<typeof AnswerSignoffRequestSchema>;

/** Naming an organisation's signatory for the group; null leaves it with nobody. */
export const SetSignatoryRequestSchema = z.strictObject({ userId: IdSchema.nullable() });
export type SetSignatoryRequest = z.infer<typeof SetSignatoryRequestSchema>;

export const SignatoryParamsSchema = z.object({ id: IdSchema, organisationId: IdSchema });

/** One organisation of the group with its signatory (null: nobody named yet). */
export const SignatoryViewSchema = z.object({
  organisationId: IdSchema,
  organisationName: z.string(),
  signatory: SignatorySchema.nullable(),
  signatoryName: z.string().nullable(),
});
export type SignatoryView = z.infer<typeof SignatoryViewSchema>;

/** One organisation asked, as the document page shows it. */
export const SignoffOrganisationViewSchema = z.object({
  organisationId: IdSchema,
  organisationName: z.string(),
  /** Who may answer now; null shows "no signatory". */
  signatoryId: IdSchema.nullable(),
  signatoryName: z.string().nullable(),
  answer: SignoffRequestSchema.shape.answers.element.nullable(),
  /** The name of whoever answered (the answer stays theirs if the designation changes). */
  answeredByName: z.string().nullable(),
});
export type SignoffOrganisationView = z.infer<typeof SignoffOrganisationViewSchema>;

export const SignoffViewSchema = SignoffRequestSchema.extend({
  status: SignoffStatusSchema,
  /** The document's latest request (the one its badge and the catalogue show). */
  isCurrent: z.boolean(),
  /** The version signed off (metadata). */
  version: DocumentVersionSchema,
  organisations: z.array(SignoffOrganisationViewSchema),
  /** The requester, with their current name. */
  requester: ThreadPersonSchema.nullable(),
});
export type SignoffView = z.infer<typeof SignoffViewSchema>;

/** `GET /signoffs/status?documentIds=a,b`: the catalogue's chips, one per document asked. */
export const SignoffStatusQuerySchema = z.strictObject({
  documentIds: z
    .string()
    .transform((v) => [...new Set(v.split(',').filter((id) => id.length > 0))])
    .pipe(z.array(IdSchema).max(500)),
});
export const SignoffStatusItemSchema = z.object({
  documentId: IdSchema,
  requestId: IdSchema,
  status: SignoffStatusSchema,
});
export type SignoffStatusItem = z.infer<typeof SignoffStatusItemSchema>;
