import type { PollView } from '@polisee/contracts';
import { useEffect, useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import {
  allocationsOf,
  ballotProblem,
  choose,
  dotsLeft,
  draftFromBallot,
  maxDotsFor,
  SCORE_MAX,
  SCORE_MIN,
  setValue,
  type BallotDraft,
} from './ballot';
import { CommandError } from './CommandError';
import { useCommand } from './useCommand';

/**
 * A voter's ballot, one UI per kind: radio buttons, checkboxes, dot steppers with the dots left,
 * or a 1–5 score per option. Sent again, it replaces the voter's ballot while the poll is open.
 */
export function PollBallot({ poll, session }: { poll: PollView; session: WorkshopSession }) {
  const { t } = useTranslation();
  const id = useId();
  const { run, error, pending } = useCommand();
  const [draft, setDraft] = useState<BallotDraft>(() => draftFromBallot(poll.yourBallot));
  const [problem, setProblem] = useState<string | null>(null);
  const saved = poll.yourBallot !== null;
  const savedKey = JSON.stringify(poll.yourBallot);

  // A ballot cast in another tab arrives with the join answer: show it rather than a blank form.
  useEffect(() => {
    setDraft(draftFromBallot(poll.yourBallot));
    // Keyed by value: a new array with the same ballot must not wipe what is being edited.
  }, [savedKey]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const wrong = ballotProblem(poll, draft);
    if (wrong) return setProblem(t(`workshopLive.ballot.problems.${wrong}`));
    setProblem(null);
    await run(
      () => session.vote(poll.id, allocationsOf(poll, draft)),
      t('workshopLive.ballot.saved'),
    );
  };

  const left = dotsLeft(poll, draft);

  return (
    <form className="workshop-ballot" onSubmit={(e) => void submit(e)} noValidate>
      <fieldset>
        <legend className="visually-hidden">{poll.question}</legend>
        {poll.kind === 'dots' ? (
          <p className="workshop-dots-left" aria-live="polite" data-testid="dots-left">
            {t('workshopLive.ballot.dotsLeft', { count: left })}
          </p>
        ) : null}
        <ul className="workshop-ballot-options">
          {poll.options.map((option) => {
            const inputId = `${id}-${option.id}`;
            const value = draft[option.id] ?? 0;
            switch (poll.kind) {
              case 'single':
              case 'multiple':
                return (
                  <li key={option.id}>
                    <label className="checkbox" htmlFor={inputId}>
                      <input
                        id={inputId}
                        type={poll.kind === 'single' ? 'radio' : 'checkbox'}
                        name={`${id}-choice`}
                        data-testid="vote"
                        data-option-id={option.id}
                        checked={value > 0}
                        onChange={(e) => setDraft(choose(poll, draft, option.id, e.target.checked))}
                      />
                      <span>{option.text}</span>
                    </label>
                  </li>
                );
              case 'dots': {
                const max = maxDotsFor(poll, draft, option.id);
                return (
                  <li key={option.id} className="workshop-dot-row">
                    <label htmlFor={inputId}>{option.text}</label>
                    <div className="workshop-stepper">
                      <button
                        type="button"
                        className="button button-quiet"
                        data-testid="dot-remove"
                        data-option-id={option.id}
                        disabled={value === 0}
                        aria-controls={inputId}
                        onClick={() => setDraft(setValue(poll, draft, option.id, value - 1))}
                      >
                        −
                        <span className="visually-hidden">
                          {t('workshopLive.ballot.removeDot', { option: option.text })}
                        </span>
                      </button>
                      <input
                        id={inputId}
                        type="number"
                        inputMode="numeric"
                        data-testid="vote"
                        data-option-id={option.id}
                        min={0}
                        max={max}
                        value={value}
                        onChange={(e) =>
                          setDraft(setValue(poll, draft, option.id, Number(e.target.value) || 0))
                        }
                      />
                      <button
                        type="button"
                        className="button button-quiet"
                        data-testid="dot-add"
                        data-option-id={option.id}
                        disabled={value >= max}
                        aria-controls={inputId}
                        onClick={() => setDraft(setValue(poll, draft, option.id, value + 1))}
                      >
                        +
                        <span className="visually-hidden">
                          {t('workshopLive.ballot.addDot', { option: option.text })}
                        </span>
                      </button>
                    </div>
                  </li>
                );
              }
              case 'score':
                return (
                  <li key={option.id} className="workshop-dot-row">
                    <label htmlFor={inputId}>{option.text}</label>
                    <select
                      id={inputId}
                      data-testid="vote"
                      data-option-id={option.id}
                      value={value}
                      onChange={(e) =>
                        setDraft(setValue(poll, draft, option.id, Number(e.target.value)))
                      }
                    >
                      <option value={0}>{t('workshopLive.ballot.noScore')}</option>
                      {Array.from(
                        { length: SCORE_MAX - SCORE_MIN + 1 },
                        (_, i) => SCORE_MIN + i,
                      ).map((score) => (
                        <option key={score} value={score}>
                          {t('workshopLive.ballot.score', { score, max: SCORE_MAX })}
                        </option>
                      ))}
                    </select>
                  </li>
                );
            }
          })}
        </ul>
      </fieldset>
      {problem ? (
        <p className="field-error" role="alert">
          {problem}
        </p>
      ) : null}
      <CommandError error={error} />
      <div className="button-row">
        <button
          type="submit"
          className="button button-primary"
          data-testid="submit-ballot"
          disabled={pending}
        >
          {saved ? t('workshopLive.ballot.change') : t('workshopLive.ballot.submit')}
        </button>
        {saved ? (
          <span className="workshop-muted" data-testid="ballot-saved">
            {t('workshopLive.ballot.savedNote')}
          </span>
        ) : null}
      </div>
    </form>
  );
}
