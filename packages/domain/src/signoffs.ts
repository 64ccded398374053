import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { multiLineText } from './userText.js';

/**
 * Consent sign-off by partner organisations, bound to one version (decision 0065). A working
 * group's lead asks organisations to sign off a named version; each organisation's designated
 * signatory answers once, and the answers add up to the request's status under its quorum.
 */

export const SIGNOFF_ANSWERS = ['consent', 'consent_with_reservations', 'object'] as const;
export const SignoffAnswerKindSchema = z.enum(SIGNOFF_ANSWERS);
export type SignoffAnswerKind = z.infer<typeof SignoffAnswerKindSchema>;

/** `all`: every organisation asked must consent; `n_of_m`: `required` of them must. */
export const SIGNOFF_QUORUMS = ['all', 'n_of_m'] as const;
export const SignoffQuorumSchema = z.enum(SIGNOFF_QUORUMS);
export type SignoffQuorum = z.infer<typeof SignoffQuorumSchema>;

export const SIGNOFF_STATUSES = [
  'pending',
  'signed_off',
  'objected',
  'lapsed',
  'withdrawn',
] as const;
export const SignoffStatusSchema = z.enum(SIGNOFF_STATUSES);
export type SignoffStatus = z.infer<typeof SignoffStatusSchema>;

export const SIGNOFF_LIMITS = {
  /** A partnership, not the whole workspace. */
  organisations: 40,
  messageChars: 2000,
  answerChars: 5000,
} as const;

export const SignoffMessageSchema = multiLineText({
  max: SIGNOFF_LIMITS.messageChars,
  allowEmpty: true,
});
export const SignoffAnswerTextSchema = multiLineText({
  max: SIGNOFF_LIMITS.answerChars,
  allowEmpty: true,
});

/** Who signs for an organisation in a working group (one per organisation and group). */
export const SignatorySchema = z.object({
  workingGroupId: IdSchema,
  organisationId: IdSchema,
  userId: IdSchema,
  setBy: IdSchema,
  setAt: IsoDateTimeSchema,
});
export type Signatory = z.infer<typeof SignatorySchema>;

/** One organisation's answer: final, never edited or removed (decision 0065, as 0022). */
export const SignoffAnswerSchema = z.object({
  organisationId: IdSchema,
  /** The signatory who answered (the designation may change later; the answer stays theirs). */
  userId: IdSchema,
  answer: SignoffAnswerKindSchema,
  /** Empty for a plain consent; the reservations or the objection otherwise. */
  text: z.string(),
  answeredAt: IsoDateTimeSchema,
});
export type SignoffAnswer = z.infer<typeof SignoffAnswerSchema>;

export const SignoffRequestSchema = z.object({
  id: IdSchema,
  documentId: IdSchema,
  workingGroupId: IdSchema,
  /** The version signed off: what consent is given to. */
  versionId: IdSchema,
  requestedBy: IdSchema,
  requestedAt: IsoDateTimeSchema,
  message: z.string(),
  quorum: SignoffQuorumSchema,
  /** Consents needed: the number of organisations for `all`, N for `n_of_m`. */
  required: z.number().int().positive(),
  /** The organisations asked, in the order the lead gave them. */
  organisationIds: z.array(IdSchema).min(1),
  /** In the order given. */
  answers: z.array(SignoffAnswerSchema),
  withdrawnAt: IsoDateTimeSchema.nullable(),
  withdrawnBy: IdSchema.nullable(),
  /** When the document's text was first seen to differ from the version's. */
  lapsedAt: IsoDateTimeSchema.nullable(),
});
export type SignoffRequest = z.infer<typeof SignoffRequestSchema>;

/**
 * What a request's answers add up to. Withdrawn and lapsed are recorded facts and win. Then:
 * `objected` once so many organisations objected that the quorum can no longer be reached
 * (under `all`, the first objection); `signed_off` once `required` organisations consented,
 * with or without reservations; `pending` otherwise. The two cannot both hold: consents ≥ N
 * leaves at most M − N objections.
 */
export function signoffStatus(
  request: Pick<
    SignoffRequest,
    'answers' | 'organisationIds' | 'required' | 'withdrawnAt' | 'lapsedAt'
  >,
): SignoffStatus {
  if (request.withdrawnAt) return 'withdrawn';
  if (request.lapsedAt) return 'lapsed';
  const objections = request.answers.filter((a) => a.answer === 'object').length;
  const consents = request.answers.length - objections;
  if (objections > request.organisationIds.length - request.required) return 'objected';
  if (consents >= request.required) return 'signed_off';
  return 'pending';
}

/** A request may still take answers and lapse: it was neither withdrawn nor lapsed. */
export function signoffIsLive(request: Pick<SignoffRequest, 'withdrawnAt' | 'lapsedAt'>): boolean {
  return request.withdrawnAt === null && request.lapsedAt === null;
}
