import type { PoliDocument } from '@polisee/domain';
import { useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { useSessionInfo } from '../../api/auth';
import { useRequestReview } from '../../api/reviews';
import { useUsers } from '../../api/workspace';
import { CheckboxGroup } from '../../ui/CheckboxGroup';
import { contractResolver } from '../../ui/contractResolver';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { showServerFieldErrors, useFieldErrorMessage } from '../../ui/fieldErrorMessage';
import { TextArea } from '../../ui/TextArea';
import { TextField } from '../../ui/TextField';
import {
  dayFromNow,
  REQUEST_REVIEW_FIELDS,
  RequestReviewFormSchema,
  type RequestReviewFormValues,
} from './reviewForms';

const DEFAULT_DAYS = 7;
const resolver = contractResolver(RequestReviewFormSchema);

/** Freezes the current text as a version and asks reviewers for their verdict by a date. */
export function RequestReviewForm({
  document,
  onDone,
}: {
  document: PoliDocument;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const session = useSessionInfo();
  const users = useUsers();
  const request = useRequestReview(document.id);
  const fieldError = useFieldErrorMessage();
  // Whether the server's refusal landed on the fields; if not, the alert says it.
  const [shownAtFields, setShownAtFields] = useState(false);
  const form = useForm<RequestReviewFormValues, unknown, z.output<typeof RequestReviewFormSchema>>({
    resolver,
    defaultValues: { reviewerIds: [], dueDate: dayFromNow(DEFAULT_DAYS), message: '' },
  });
  const { errors } = form.formState;
  const reviewerIds = form.watch('reviewerIds');

  const submit = form.handleSubmit((values) => {
    setShownAtFields(false);
    request.mutate(values, {
      onSuccess: onDone,
      onError: (error) =>
        setShownAtFields(showServerFieldErrors(error, REQUEST_REVIEW_FIELDS, form.setError)),
    });
  });

  const options = (users.data ?? [])
    .filter((u) => u.id !== session.user.id)
    .map((u) => ({ value: u.id, label: u.name, inputProps: { 'data-email': u.email } }));

  return (
    <form
      className="review-form"
      onSubmit={(event) => void submit(event)}
      noValidate
      data-testid="request-review-form"
    >
      <Controller
        control={form.control}
        name="reviewerIds"
        render={({ field, fieldState }) => (
          <CheckboxGroup
            legend={t('review.request.reviewers')}
            name={field.name}
            options={options}
            value={field.value}
            onChange={field.onChange}
            // The server refuses a reviewer who cannot read the document; say so in those words.
            error={fieldError(fieldState.error, {
              invalid_value: 'review.request.reviewersError',
            })}
          />
        )}
      />
      <TextField
        label={t('review.request.dueDate')}
        type="date"
        min={dayFromNow(0)}
        error={fieldError(errors.dueDate)}
        {...form.register('dueDate')}
      />
      <TextArea
        label={t('review.request.message')}
        rows={3}
        error={fieldError(errors.message)}
        {...form.register('message')}
      />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={request.isPending || reviewerIds.length === 0}
        >
          {t('review.request.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {shownAtFields ? null : (
        <ErrorAlert error={request.error} context={t('review.request.failed')} />
      )}
    </form>
  );
}
