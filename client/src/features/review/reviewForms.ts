import {
  GiveVerdictRequestSchema,
  RequestReviewRequestSchema,
  type GiveVerdictRequest,
} from '@polisee/contracts';
import { z } from 'zod';

/** A date input's value (local calendar day) `days` from now. */
export function dayFromNow(days: number, now = Date.now()): string {
  const date = new Date(now + days * 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

/**
 * The request form checks with the server's own schema; only the due date differs, picked as a
 * calendar day and sent as the end of that day in the requester's own time zone.
 */
export const RequestReviewFormSchema = RequestReviewRequestSchema.extend({
  dueDate: z.iso
    .date()
    .transform((day) => new Date(`${day}T23:59:00`).toISOString())
    .pipe(RequestReviewRequestSchema.shape.dueDate),
});
export type RequestReviewFormValues = z.input<typeof RequestReviewFormSchema>;
export const REQUEST_REVIEW_FIELDS = ['reviewerIds', 'dueDate', 'message'] as const;

/**
 * The verdict form parses with the contract as is. A plain approval may be silent: it sends no
 * summary rather than an empty one (the contract refuses an empty summary it is given).
 */
export const VerdictFormSchema = z
  .object({ verdict: GiveVerdictRequestSchema.shape.verdict, summary: z.string() })
  .transform(({ verdict, summary }) => (summary.trim() ? { verdict, summary } : { verdict }))
  .pipe(GiveVerdictRequestSchema)
  // The contract fills in an empty summary, which it would refuse if sent: leave it out again.
  .transform(({ verdict, summary }): GiveVerdictRequest =>
    summary ? { verdict, summary } : { verdict },
  );
export type VerdictFormValues = z.input<typeof VerdictFormSchema>;
