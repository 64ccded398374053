import { REVIEW_VERDICTS } from '@polisee/domain';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useGiveVerdict } from '../../api/reviews';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { TextArea } from '../../ui/TextArea';
import { VerdictFormSchema, type VerdictFormValues } from './reviewForms';

const resolver = contractResolver(VerdictFormSchema);

/** A reviewer's verdict on the frozen version, with a summary (required unless approving). */
export function VerdictForm({ documentId, reviewId }: { documentId: string; reviewId: string }) {
  const { t } = useTranslation();
  const give = useGiveVerdict(documentId, reviewId);
  const fieldError = useFieldErrorMessage();
  // Whether the server's refusal landed on the summary; if not, the alert says it.
  const [shownAtField, setShownAtField] = useState(false);
  const form = useForm<VerdictFormValues, unknown, z.output<typeof VerdictFormSchema>>({
    resolver,
    defaultValues: { verdict: 'approve', summary: '' },
  });
  const { errors } = form.formState;
  const summaryRequired = form.watch('verdict') !== 'approve';

  const submit = form.handleSubmit((request) => {
    setShownAtField(false);
    give.mutate(request, {
      onError: (error) => setShownAtField(showServerFieldErrors(error, ['summary'], form.setError)),
    });
  });

  return (
    <form
      className="review-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="verdict-form"
    >
      <fieldset className="field">
        <legend>{t('review.verdict.legend')}</legend>
        {REVIEW_VERDICTS.map((value) => (
          <label key={value} className="radio-row">
            <input type="radio" value={value} {...form.register('verdict')} />{' '}
            {t(`review.verdicts.${value}`)}
          </label>
        ))}
      </fieldset>
      <TextArea
        label={summaryRequired ? t('review.verdict.summaryRequired') : t('review.verdict.summary')}
        rows={3}
        required={summaryRequired}
        // The contract's rule "say what you would change" arrives as a refusal of the value.
        error={fieldError(errors.summary, { invalid_value: 'errors.fields.required' })}
        {...form.register('summary')}
      />
      <p className="muted">{t('review.verdict.final')}</p>
      <button type="submit" className="button button-primary" disabled={give.isPending}>
        {t('review.verdict.submit')}
      </button>
      {shownAtField ? null : <ErrorAlert error={give.error} context={t('review.verdict.failed')} />}
    </form>
  );
}
