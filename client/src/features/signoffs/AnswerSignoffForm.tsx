import { SIGNOFF_ANSWERS, type SignoffAnswerKind } from '@polisee/domain';
import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { useAnswerSignoff } from './signoffApi';

/** The signatory's answer for their organisation; reservations and objections need a text. */
export function AnswerSignoffForm({
  documentId,
  requestId,
}: {
  documentId: string;
  requestId: string;
}) {
  const { t } = useTranslation();
  const answer = useAnswerSignoff(documentId, requestId);
  const [kind, setKind] = useState<SignoffAnswerKind>('consent');
  const [text, setText] = useState('');
  const textRequired = kind !== 'consent';
  const missing = textRequired && text.trim() === '';

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (missing) return;
    answer.mutate({ answer: kind, text });
  };

  return (
    <form className="review-form" onSubmit={submit} noValidate data-testid="signoff-answer-form">
      <fieldset className="field">
        <legend>{t('signoffs.answer.legend')}</legend>
        {SIGNOFF_ANSWERS.map((value) => (
          <label key={value} className="radio-row">
            <input
              type="radio"
              name="signoff-answer"
              value={value}
              checked={kind === value}
              onChange={() => setKind(value)}
            />{' '}
            {t(`signoffs.answers.${value}`)}
          </label>
        ))}
      </fieldset>
      <div className="field">
        <label htmlFor={`signoff-text-${requestId}`}>
          {textRequired ? t('signoffs.answer.textRequired') : t('signoffs.answer.text')}
        </label>
        <textarea
          id={`signoff-text-${requestId}`}
          rows={3}
          required={textRequired}
          aria-invalid={missing}
          value={text}
          onChange={(event) => setText(event.target.value)}
        />
      </div>
      <p className="muted">{t('signoffs.answer.final')}</p>
      <button
        type="submit"
        className="button button-primary"
        disabled={answer.isPending || missing}
      >
        {t('signoffs.answer.submit')}
      </button>
      <ErrorAlert error={answer.error} context={t('signoffs.answer.failed')} />
    </form>
  );
}
