import type { WorkshopView } from '@polisee/contracts';
import { POLL_KINDS, WORKSHOP_LIMITS, type PollKind } from '@polisee/domain';
import { useId, useReducer, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import { useWorkshopLive } from '../../../stores/workshopLive';
import { CommandError } from './CommandError';
import { cleanOptions, listItemsAround, sectionParagraphs } from './pollOptions';
import { headingsOf } from './headings';
import { useCommand } from './useCommand';

interface PollFormProps {
  workshop: WorkshopView;
  session: WorkshopSession;
}

type Problem = 'question' | 'options' | null;

/** A number field's value: a whole number, or null when left empty. */
const wholeOrNull = (text: string) => (text.trim() === '' ? null : Math.round(Number(text)));

/**
 * Facilitators open a poll: question, kind and settings; options typed in, or taken from the
 * document on screen (the list around the editor's selection, or a section's paragraphs).
 */
export function PollForm({ workshop, session }: PollFormProps) {
  const { t } = useTranslation();
  const id = useId();
  const editor = useWorkshopLive((s) => s.editor);
  const { run, error, pending } = useCommand();
  const [question, setQuestion] = useState('');
  const [kind, setKind] = useState<PollKind>('single');
  const [options, setOptions] = useState<string[]>(['', '']);
  const [anonymous, setAnonymous] = useState(true);
  const [showLive, setShowLive] = useState(false);
  const [dots, setDots] = useState('5');
  const [cap, setCap] = useState('');
  const [minutes, setMinutes] = useState('');
  const [headingPos, setHeadingPos] = useState('');
  const [problem, setProblem] = useState<Problem>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // The document changes under the form: read its headings again when the list is opened.
  const [, refresh] = useReducer((n: number) => n + 1, 0);
  const headings = editor && !editor.isDestroyed ? headingsOf(editor.state.doc) : [];

  const takeOptions = (taken: string[]) => {
    if (taken.length === 0) return setNotice(t('workshopLive.pollForm.nothingTaken'));
    setOptions(taken.length === 1 ? [...taken, ''] : taken);
    setNotice(t('workshopLive.pollForm.taken', { count: taken.length }));
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const chosen = cleanOptions(options);
    if (!question.trim()) return setProblem('question');
    if (chosen.length < 2) return setProblem('options');
    setProblem(null);
    const current = workshop.currentItem === null ? null : workshop.agenda[workshop.currentItem];
    const result = await run(
      () =>
        session.openPoll({
          agendaItemId: current?.id ?? null,
          question: question.trim(),
          kind,
          options: chosen,
          anonymous,
          showLive,
          dots: kind === 'dots' ? (wholeOrNull(dots) ?? 1) : null,
          maxDotsPerOption: kind === 'dots' ? wholeOrNull(cap) : null,
          minutes: wholeOrNull(minutes),
        }),
      t('workshopLive.pollForm.opened'),
    );
    if (result.ok) {
      setQuestion('');
      setOptions(['', '']);
      setNotice(null);
    }
  };

  return (
    <form
      className="workshop-poll-form"
      data-testid="poll-form"
      onSubmit={(e) => void submit(e)}
      noValidate
    >
      <h3>{t('workshopLive.pollForm.title')}</h3>
      <div className="field">
        <label htmlFor={`${id}-question`}>{t('workshopLive.pollForm.question')}</label>
        <input
          id={`${id}-question`}
          data-testid="poll-question"
          value={question}
          maxLength={WORKSHOP_LIMITS.pollQuestionChars}
          aria-invalid={problem === 'question' || undefined}
          aria-describedby={problem === 'question' ? `${id}-problem` : undefined}
          onChange={(e) => setQuestion(e.target.value)}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-kind`}>{t('workshopLive.pollForm.kind')}</label>
        <select
          id={`${id}-kind`}
          data-testid="poll-kind"
          value={kind}
          onChange={(e) => setKind(e.target.value as PollKind)}
        >
          {POLL_KINDS.map((k) => (
            <option key={k} value={k}>
              {t(`workshopLive.pollKinds.${k}`)}
            </option>
          ))}
        </select>
      </div>
      {kind === 'dots' ? (
        <div className="workshop-form-row">
          <div className="field">
            <label htmlFor={`${id}-dots`}>{t('workshopLive.pollForm.dots')}</label>
            <input
              id={`${id}-dots`}
              type="number"
              data-testid="poll-dots"
              min={1}
              max={WORKSHOP_LIMITS.dots}
              value={dots}
              onChange={(e) => setDots(e.target.value)}
            />
          </div>
          <div className="field">
            <label htmlFor={`${id}-cap`}>{t('workshopLive.pollForm.cap')}</label>
            <input
              id={`${id}-cap`}
              type="number"
              data-testid="poll-cap"
              min={1}
              max={WORKSHOP_LIMITS.dots}
              value={cap}
              aria-describedby={`${id}-cap-hint`}
              onChange={(e) => setCap(e.target.value)}
            />
            <p id={`${id}-cap-hint`} className="field-hint">
              {t('workshopLive.pollForm.capHint')}
            </p>
          </div>
        </div>
      ) : null}

      <fieldset
        className="workshop-options"
        aria-describedby={problem === 'options' ? `${id}-problem` : undefined}
      >
        <legend>{t('workshopLive.pollForm.options')}</legend>
        <div
          className="workshop-from-document"
          role="group"
          aria-label={t('workshopLive.pollForm.fromDocument')}
        >
          <button
            type="button"
            className="button"
            data-testid="options-from-list"
            disabled={!editor}
            aria-describedby={`${id}-list-hint`}
            onClick={() =>
              editor && takeOptions(listItemsAround(editor.state.doc, editor.state.selection.from))
            }
          >
            {t('workshopLive.pollForm.fromList')}
          </button>
          <p id={`${id}-list-hint`} className="field-hint">
            {t('workshopLive.pollForm.fromListHint')}
          </p>
          <div className="workshop-form-row">
            <div className="field">
              <label htmlFor={`${id}-section`}>{t('workshopLive.pollForm.section')}</label>
              <select
                id={`${id}-section`}
                data-testid="options-section"
                value={headingPos}
                disabled={!editor}
                onFocus={refresh}
                onChange={(e) => setHeadingPos(e.target.value)}
              >
                <option value="">{t('workshopLive.pollForm.chooseSection')}</option>
                {headings.map((h) => (
                  <option key={h.pos} value={String(h.pos)}>
                    {'– '.repeat(h.level - 1)}
                    {h.text || t('workshopLive.pollForm.untitled')}
                  </option>
                ))}
              </select>
            </div>
            <button
              type="button"
              className="button"
              data-testid="options-from-section"
              disabled={!editor || headingPos === ''}
              onClick={() =>
                editor && takeOptions(sectionParagraphs(editor.state.doc, Number(headingPos)))
              }
            >
              {t('workshopLive.pollForm.fromSection')}
            </button>
          </div>
        </div>
        {notice ? (
          <p role="status" className="field-hint">
            {notice}
          </p>
        ) : null}
        <ol className="workshop-option-inputs">
          {options.map((option, index) => (
            <li key={index}>
              <label htmlFor={`${id}-option-${index}`} className="visually-hidden">
                {t('workshopLive.pollForm.option', { n: index + 1 })}
              </label>
              <input
                id={`${id}-option-${index}`}
                data-testid="poll-option-input"
                value={option}
                maxLength={WORKSHOP_LIMITS.optionChars}
                placeholder={t('workshopLive.pollForm.option', { n: index + 1 })}
                onChange={(e) =>
                  setOptions(options.map((o, i) => (i === index ? e.target.value : o)))
                }
              />
              {options.length > 2 ? (
                <button
                  type="button"
                  className="button button-quiet"
                  onClick={() => setOptions(options.filter((_, i) => i !== index))}
                >
                  {t('workshopLive.pollForm.removeOption')}
                  <span className="visually-hidden">
                    : {t('workshopLive.pollForm.option', { n: index + 1 })}
                  </span>
                </button>
              ) : null}
            </li>
          ))}
        </ol>
        {options.length < WORKSHOP_LIMITS.pollOptions ? (
          <button
            type="button"
            className="button button-quiet"
            onClick={() => setOptions([...options, ''])}
          >
            {t('workshopLive.pollForm.addOption')}
          </button>
        ) : null}
      </fieldset>

      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="poll-anonymous"
          checked={anonymous}
          onChange={(e) => setAnonymous(e.target.checked)}
        />
        <span>{t('workshopLive.pollForm.anonymous')}</span>
      </label>
      <label className="checkbox">
        <input
          type="checkbox"
          data-testid="poll-show-live"
          checked={showLive}
          onChange={(e) => setShowLive(e.target.checked)}
        />
        <span>
          {t('workshopLive.pollForm.showLive')}
          <span className="checkbox-hint">{t('workshopLive.pollForm.showLiveHint')}</span>
        </span>
      </label>
      <div className="field">
        <label htmlFor={`${id}-minutes`}>{t('workshopLive.pollForm.minutes')}</label>
        <input
          id={`${id}-minutes`}
          type="number"
          data-testid="poll-minutes"
          min={1}
          max={WORKSHOP_LIMITS.pollMinutes}
          value={minutes}
          aria-describedby={`${id}-minutes-hint`}
          onChange={(e) => setMinutes(e.target.value)}
        />
        <p id={`${id}-minutes-hint`} className="field-hint">
          {t('workshopLive.pollForm.minutesHint')}
        </p>
      </div>
      {problem ? (
        <p id={`${id}-problem`} className="field-error" role="alert">
          {t(`workshopLive.pollForm.problems.${problem}`)}
        </p>
      ) : null}
      <CommandError error={error} />
      <button
        type="submit"
        className="button button-primary"
        data-testid="open-poll"
        disabled={pending}
      >
        {t('workshopLive.pollForm.open')}
      </button>
    </form>
  );
}
