import { describe, expect, it } from 'vitest';
import { contractResolver, fieldProblemOf } from '../../ui/contractResolver';
import { dayFromNow, RequestReviewFormSchema, VerdictFormSchema } from './reviewForms';

const options = { fields: {}, shouldUseNativeValidation: false } as const;
const ID = '0b6a0f1e-3c2b-4d1a-9f7e-2a1b3c4d5e6f';

describe('the request review form schema', () => {
  it('sends the end of the chosen local day as the due date', () => {
    const day = dayFromNow(3);
    const parsed = RequestReviewFormSchema.parse({ reviewerIds: [ID], dueDate: day, message: '' });
    expect(parsed.dueDate).toBe(new Date(`${day}T23:59:00`).toISOString());
  });

  it('names no reviewer and no day by the codes the server uses', async () => {
    const result = await contractResolver(RequestReviewFormSchema)(
      { reviewerIds: [], dueDate: '', message: '' },
      undefined,
      options,
    );
    expect(fieldProblemOf(result.errors.reviewerIds as never)).toEqual({
      code: 'too_few',
      limit: 1,
    });
    expect(fieldProblemOf(result.errors.dueDate as never)).toEqual({ code: 'required' });
  });
});

describe('the verdict form schema', () => {
  it('sends a silent approval without a summary', () => {
    expect(VerdictFormSchema.parse({ verdict: 'approve', summary: '  ' })).toEqual({
      verdict: 'approve',
    });
    expect(
      VerdictFormSchema.parse({ verdict: 'approve_with_reservations', summary: ' Tone. ' }),
    ).toEqual({
      verdict: 'approve_with_reservations',
      summary: 'Tone.',
    });
  });

  it('refuses changes requested without saying what, at the summary', async () => {
    const result = await contractResolver(VerdictFormSchema)(
      { verdict: 'request_changes', summary: ' ' },
      undefined,
      options,
    );
    expect(fieldProblemOf(result.errors.summary)).toEqual({ code: 'invalid_value' });
    expect(Object.keys(result.errors)).toEqual(['summary']);
  });
});
