import { REVIEW_VERDICTS, type ReviewVerdict } from '@polisee/domain';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useGiveVerdict } from '../../api/reviews';
import { ErrorAlert } from '../../ui/ErrorAlert';

/** A reviewer's verdict on the frozen version, with a summary (required unless approving). */
export function VerdictForm({ documentId, reviewId }: { documentId: string; reviewId: string }) {
  const { t } = useTranslation();
  const give = useGiveVerdict(documentId, reviewId);
  const [verdict, setVerdict] = useState<ReviewVerdict>('approve');
  const [summary, setSummary] = useState('');
  const summaryId = useId();
  const summaryRequired = verdict !== 'approve';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    // A plain approval may be silent: send no summary rather than an empty one.
    give.mutate(summary.trim() ? { verdict, summary } : { verdict });
  };

  return (
    <form className="review-form" onSubmit={submit} data-testid="verdict-form">
      <fieldset className="field">
        <legend>{t('review.verdict.legend')}</legend>
        {REVIEW_VERDICTS.map((value) => (
          <label key={value} className="radio-row">
            <input
              type="radio"
              name="verdict"
              value={value}
              checked={verdict === value}
              onChange={() => setVerdict(value)}
            />{' '}
            {t(`review.verdicts.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={summaryId}>
          {summaryRequired ? t('review.verdict.summaryRequired') : t('review.verdict.summary')}
        </label>
        <textarea
          id={summaryId}
          name="summary"
          rows={3}
          required={summaryRequired}
          value={summary}
          onChange={(e) => setSummary(e.target.value)}
        />
      </div>
      <p className="muted">{t('review.verdict.final')}</p>
      <button type="submit" className="button button-primary" disabled={give.isPending}>
        {t('review.verdict.submit')}
      </button>
      {give.error ? <ErrorAlert error={give.error} context={t('review.verdict.failed')} /> : null}
    </form>
  );
}
