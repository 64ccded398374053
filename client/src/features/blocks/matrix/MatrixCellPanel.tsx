import { ASSESSMENT_LIMITS, THEMATIC_PRIORITIES, type ThematicPriority } from '@polisee/domain';
import { useEffect, useId, useRef, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useStartThread } from '../../../api/threads';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { useActiveThread } from '../../comments/useActiveThread';
import { distributionOf, formatStat } from './heatmap';
import { resultOf } from './MatrixCellSlot';
import { cellKey } from './pendingScores';
import type { MatrixScoring, SelectedCell } from './useMatrixScoring';

/**
 * Below the matrix, the one cell opened: the reader's reason for their score, the breakdown of
 * a revealed cell per partner, or a new thread about the cell. One panel rather than a popover
 * per cell: a table of 36 cells stays light, and the panel is reached with the keyboard.
 */
export function MatrixCellPanel({ scoring }: { scoring: MatrixScoring }) {
  const { t } = useTranslation();
  const { selected } = scoring;
  const headingRef = useRef<HTMLHeadingElement>(null);
  const headingId = useId();
  useEffect(() => {
    if (selected && selected.mode !== 'rationale') headingRef.current?.focus();
  }, [selected]);
  if (!selected) return null;
  const name = t('assessments.cellName', {
    row: selected.rowName,
    criterion: selected.criterionName,
  });
  const close = () => scoring.select(null);

  return (
    <section
      className="matrix-cell-panel"
      aria-labelledby={headingId}
      data-testid="matrix-cell-panel"
      onKeyDown={(event) => {
        if (event.key === 'Escape') close();
      }}
    >
      <div className="matrix-cell-panel-head">
        <h4 id={headingId} ref={headingRef} tabIndex={-1}>
          {t(`assessments.${selected.mode}.title`, { cell: name })}
        </h4>
        <button type="button" className="button button-quiet" onClick={close}>
          {t('assessments.close')}
        </button>
      </div>
      {selected.mode === 'rationale' ? (
        <RationaleForm key={cellKey(selected)} scoring={scoring} cell={selected} onDone={close} />
      ) : selected.mode === 'breakdown' ? (
        <Breakdown scoring={scoring} cell={selected} />
      ) : (
        <DiscussForm
          key={cellKey(selected)}
          scoring={scoring}
          cell={selected}
          name={name}
          onDone={close}
        />
      )}
    </section>
  );
}

function RationaleForm({
  scoring,
  cell,
  onDone,
}: {
  scoring: MatrixScoring;
  cell: SelectedCell;
  onDone: () => void;
}) {
  const { t } = useTranslation();
  const pending = scoring.pending[cellKey(cell)];
  const stored = scoring.view?.myScores.find(
    (s) => s.rowId === cell.rowId && s.criterionId === cell.criterionId,
  );
  const score = pending ? pending.score : (stored?.score ?? null);
  const [text, setText] = useState((pending ? pending.rationale : stored?.rationale) ?? '');
  const fieldId = useId();
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (score === null) return;
    scoring.give(cell, score, text.trim() === '' ? null : text);
    onDone();
  };
  return (
    <form onSubmit={submit} className="matrix-cell-form">
      <label htmlFor={fieldId}>{t('assessments.rationale.label')}</label>
      <textarea
        id={fieldId}
        className="matrix-textarea"
        rows={3}
        maxLength={ASSESSMENT_LIMITS.rationaleChars}
        value={text}
        autoFocus
        disabled={score === null || scoring.view?.phase !== 'scoring'}
        onChange={(event) => setText(event.target.value)}
      />
      {score === null ? <p className="muted">{t('assessments.rationale.needsScore')}</p> : null}
      <button type="submit" className="button button-primary" disabled={score === null}>
        {t('assessments.rationale.save')}
      </button>
    </form>
  );
}

/** The scores of a revealed cell, per partner, outliers marked (the server flags them). */
function Breakdown({ scoring, cell }: { scoring: MatrixScoring; cell: SelectedCell }) {
  const { t, i18n } = useTranslation();
  const view = scoring.view;
  // While round two is scoring, the results to show are round one's.
  const results = view?.results.at(-1);
  const result = results ? resultOf(results.cells, cell) : null;
  if (!view || !results || !result || result.mean === null) {
    return <p className="muted">{t('assessments.cell.noScores')}</p>;
  }
  const region = (code: string) =>
    new Intl.DisplayNames([i18n.language], { type: 'region' }).of(code) ?? code;
  return (
    <>
      <p>
        {t('assessments.breakdown.round', { round: results.round })}{' '}
        {t('assessments.breakdown.summary', {
          mean: formatStat(result.mean, i18n.language),
          min: result.min,
          max: result.max,
          sd: formatStat(result.stdDev ?? 0, i18n.language),
          count: result.count,
        })}
      </p>
      <Distribution counts={distributionOf(result)} />
      <table className="block-table matrix-breakdown" data-testid="matrix-breakdown">
        <thead>
          <tr>
            <th scope="col">{t('assessments.breakdown.organisation')}</th>
            <th scope="col">{t('assessments.breakdown.country')}</th>
            <th scope="col">{t('assessments.breakdown.score')}</th>
            <th scope="col">{t('assessments.breakdown.rationale')}</th>
          </tr>
        </thead>
        <tbody>
          {result.scores.map((s) => (
            <tr key={s.userId} className={s.outlier ? 'matrix-outlier' : undefined}>
              <th scope="row">
                {s.organisationName}
                <span className="muted"> · {s.name}</span>
              </th>
              <td>{region(s.country)}</td>
              <td>
                {s.score}
                {s.outlier ? (
                  <span className="matrix-outlier-tag"> {t('assessments.breakdown.outlier')}</span>
                ) : null}
              </td>
              <td>{s.rationale ?? '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}

/** How many gave each score 1–5, as bars with their counts written out. */
function Distribution({ counts }: { counts: number[] }) {
  const { t } = useTranslation();
  const most = Math.max(1, ...counts);
  return (
    <ul className="matrix-distribution" aria-label={t('assessments.breakdown.distribution')}>
      {counts.map((count, index) => (
        <li key={index}>
          <span className="matrix-distribution-score">{index + 1}</span>
          <span
            className="matrix-distribution-bar"
            style={{ inlineSize: `${(count / most) * 100}%` }}
            aria-hidden="true"
          />
          <span>{t('assessments.breakdown.count', { count })}</span>
        </li>
      ))}
    </ul>
  );
}

function DiscussForm({
  scoring,
  cell,
  name,
  onDone,
}: {
  scoring: MatrixScoring;
  cell: SelectedCell;
  name: string;
  onDone: () => void;
}): ReactNode {
  const { t } = useTranslation();
  const start = useStartThread(scoring.document.id);
  const [, setActiveThread] = useActiveThread();
  const [text, setText] = useState('');
  const fieldId = useId();
  // Tagged with the row's priority; a row without one takes the document's first.
  const priority: ThematicPriority = THEMATIC_PRIORITIES.includes(cell.priority as ThematicPriority)
    ? (cell.priority as ThematicPriority)
    : (scoring.document.thematicPriorities[0] ?? 'innovation');
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (text.trim() === '') return;
    // A document-level thread whose first message names the cell (decision 0052).
    const thread = await start.mutateAsync({
      priority,
      body: t('assessments.discuss.body', { cell: name, text: text.trim() }),
    });
    setActiveThread(thread.id);
    onDone();
  };
  return (
    <form
      onSubmit={(event) => void submit(event).catch(() => undefined)}
      className="matrix-cell-form"
    >
      <p className="muted">
        {t('assessments.discuss.tagged', { priority: t(`priorities.${priority}.name`) })}
      </p>
      <label htmlFor={fieldId}>{t('assessments.discuss.label')}</label>
      <textarea
        id={fieldId}
        className="matrix-textarea"
        rows={3}
        value={text}
        autoFocus
        onChange={(event) => setText(event.target.value)}
      />
      <button
        type="submit"
        className="button button-primary"
        disabled={start.isPending || text.trim() === ''}
      >
        {t('assessments.discuss.submit')}
      </button>
      {start.error ? (
        <ErrorAlert error={start.error} context={t('assessments.discuss.failed')} />
      ) : null}
    </form>
  );
}
