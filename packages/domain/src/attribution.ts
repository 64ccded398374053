import { z } from 'zod';
import { IdSchema, IsoDateTimeSchema } from './ids.js';
import { CountryCodeSchema } from './organisations.js';

/**
 * Who wrote what (decision 0069). The server stamps every change a member makes to a document
 * into a ledger — never on the client's word — and binds each Yjs client id to the user whose
 * connection first wrote with it, which is what the authorship view colours by.
 */

/**
 * `edit`: text typed or deleted directly. `suggestion`: text inserted with an insertion mark or
 * marked for deletion. `accept`/`reject`: someone else's suggestion settled by an editor.
 */
export const CONTRIBUTION_KINDS = ['edit', 'suggestion', 'accept', 'reject'] as const;
export const ContributionKindSchema = z.enum(CONTRIBUTION_KINDS);
export type ContributionKind = z.infer<typeof ContributionKindSchema>;

/** A Yjs client id: an unsigned 32-bit integer chosen by the client. */
export const YjsClientIdSchema = z.number().int().min(0).max(0xffffffff);

/**
 * One user's changes of one kind to one document over a short window (a batch of updates).
 * For `edit` and `suggestion`, the characters they inserted and deleted (or marked for
 * deletion); for `accept` and `reject`, the characters of the insertions and deletions they
 * settled. `suggestionIds` are the suggestions' mark ids: distinct ids count suggestions.
 * Organisation and country are the user's when the server recorded it.
 */
export const ContributionSchema = z.object({
  documentId: IdSchema,
  userId: IdSchema,
  organisationId: IdSchema,
  country: CountryCodeSchema,
  at: IsoDateTimeSchema,
  kind: ContributionKindSchema,
  inserted: z.number().int().min(0),
  deleted: z.number().int().min(0),
  suggestionIds: z.array(z.string().max(200)),
});
export type Contribution = z.infer<typeof ContributionSchema>;

/** The user (and their organisation then) whose connection first wrote under a Yjs client id. */
export const ClientBindingSchema = z.object({
  documentId: IdSchema,
  clientId: YjsClientIdSchema,
  userId: IdSchema,
  organisationId: IdSchema,
  country: CountryCodeSchema,
  boundAt: IsoDateTimeSchema,
});
export type ClientBinding = z.infer<typeof ClientBindingSchema>;

export const CONTRIBUTION_PERIODS = ['day', 'month'] as const;
export const ContributionPeriodSchema = z.enum(CONTRIBUTION_PERIODS);
export type ContributionPeriod = z.infer<typeof ContributionPeriodSchema>;
