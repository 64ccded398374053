import type { PoliDocument } from '@polisee/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/ApiError';
import { useSessionInfo } from '../../api/auth';
import { useRequestReview } from '../../api/reviews';
import { useUsers } from '../../api/workspace';
import { ErrorAlert } from '../../ui/ErrorAlert';

const DEFAULT_DAYS = 7;

/** A date input's value (local calendar day) `days` from now. */
function dayFromNow(days: number): string {
  const date = new Date(Date.now() + days * 24 * 3600_000);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

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
  const [reviewers, setReviewers] = useState<string[]>([]);
  const [due, setDue] = useState(dayFromNow(DEFAULT_DAYS));
  const [message, setMessage] = useState('');
  const ids = { due: useId(), message: useId(), reviewers: useId() };
  const fieldErrors = isApiError(request.error) ? request.error.fieldErrors() : {};

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // The end of the chosen day, in the reviewer's own time zone.
    const dueDate = new Date(`${due}T23:59:00`).toISOString();
    request.mutate({ reviewerIds: reviewers, dueDate, message }, { onSuccess: onDone });
  };

  const toggle = (id: string) =>
    setReviewers((current) =>
      current.includes(id) ? current.filter((r) => r !== id) : [...current, id],
    );

  return (
    <form className="review-form" onSubmit={submit} data-testid="request-review-form">
      <fieldset
        className="field"
        aria-describedby={fieldErrors.reviewerIds ? `${ids.reviewers}-error` : undefined}
      >
        <legend>{t('review.request.reviewers')}</legend>
        <ul className="checkbox-list">
          {(users.data ?? [])
            .filter((u) => u.id !== session.user.id)
            .map((u) => (
              <li key={u.id}>
                <label>
                  <input
                    type="checkbox"
                    name="reviewerIds"
                    value={u.id}
                    data-email={u.email}
                    checked={reviewers.includes(u.id)}
                    onChange={() => toggle(u.id)}
                  />{' '}
                  {u.name}
                </label>
              </li>
            ))}
        </ul>
        {fieldErrors.reviewerIds ? (
          <p id={`${ids.reviewers}-error`} className="field-error">
            {t('review.request.reviewersError')}
          </p>
        ) : null}
      </fieldset>
      <div className="field">
        <label htmlFor={ids.due}>{t('review.request.dueDate')}</label>
        <input
          id={ids.due}
          type="date"
          name="dueDate"
          required
          min={dayFromNow(0)}
          value={due}
          onChange={(e) => setDue(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.message}>{t('review.request.message')}</label>
        <textarea
          id={ids.message}
          name="message"
          rows={3}
          value={message}
          onChange={(e) => setMessage(e.target.value)}
        />
      </div>
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          disabled={request.isPending || reviewers.length === 0}
        >
          {t('review.request.submit')}
        </button>
        <button type="button" className="button button-quiet" onClick={onDone}>
          {t('common.cancel')}
        </button>
      </div>
      {request.error && !fieldErrors.reviewerIds ? (
        <ErrorAlert error={request.error} context={t('review.request.failed')} />
      ) : null}
    </form>
  );
}
