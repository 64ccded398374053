import type { CellResult } from '@polisee/contracts';
import type { Editor } from '@tiptap/core';
import { useTranslation } from 'react-i18next';
import { assessmentErrorKey } from './assessmentErrors';
import { formatStat, heatColours } from './heatmap';
import { useMatrixScoringContext } from './MatrixScoringContext';
import { cellKey } from './pendingScores';
import type { MatrixScoring, SelectedCell } from './useMatrixScoring';

/** What a cell of an assessment matrix knows about itself. */
export interface MatrixCellSlotProps {
  editor: Editor;
  matrixId: string;
  rowId: string;
  criterionId: string;
  /** The row's and the criterion's names as shown, for accessible names of the scoring UI. */
  rowName: string;
  criterionName: string;
  /** The row's thematic priority (threads on the cell are tagged with it), or null. */
  priority: string | null;
  /** False for observers who may not edit and in the read-only views of versions. */
  editable: boolean;
}

const SCORES = [1, 2, 3, 4, 5] as const;

/**
 * One cell's scoring: while the round is scoring, the reader's own score (nobody else's ever
 * reaches this page) and whether it still waits to be sent; once revealed, the cell of the
 * heatmap. Scores are never document content (decision 0049): nothing here touches the editor.
 */
export function MatrixCellSlot(props: MatrixCellSlotProps) {
  const scoring = useMatrixScoringContext();
  if (!scoring?.view) return null;
  const cell: SelectedCell = {
    rowId: props.rowId,
    criterionId: props.criterionId,
    rowName: props.rowName,
    criterionName: props.criterionName,
    priority: props.priority,
    mode: 'breakdown',
  };
  const { view } = scoring;
  const latest = view.results.at(-1);
  const revealed = view.phase === 'revealed' && latest ? resultOf(latest.cells, cell) : null;
  return (
    <div className="matrix-score-cell">
      {view.phase === 'revealed' ? (
        <RevealedCell scoring={scoring} cell={cell} result={revealed} />
      ) : (
        <ScoringCell scoring={scoring} cell={cell} />
      )}
      {scoring.may.comment ? <DiscussButton scoring={scoring} cell={cell} /> : null}
    </div>
  );
}

export function resultOf(cells: CellResult[], cell: { rowId: string; criterionId: string }) {
  return cells.find((c) => c.rowId === cell.rowId && c.criterionId === cell.criterionId) ?? null;
}

function ScoringCell({ scoring, cell }: { scoring: MatrixScoring; cell: SelectedCell }) {
  const { t, i18n } = useTranslation();
  const key = cellKey(cell);
  const pending = scoring.pending[key];
  const stored = scoring.view?.myScores.find(
    (s) => s.rowId === cell.rowId && s.criterionId === cell.criterionId,
  );
  const score = pending ? pending.score : (stored?.score ?? null);
  const rationale = pending ? pending.rationale : (stored?.rationale ?? null);
  const refusal = scoring.refusals[key];
  // In round two, round one's results of this cell stand beside the score being revised.
  const roundOne =
    scoring.view?.round === 2 && scoring.view.results[0]
      ? resultOf(scoring.view.results[0].cells, cell)
      : null;

  return (
    <>
      {scoring.may.score ? (
        <div className="matrix-score-controls">
          <select
            className="block-select matrix-score-select"
            aria-label={t('assessments.scoreLabel', {
              row: cell.rowName,
              criterion: cell.criterionName,
            })}
            value={score ?? ''}
            data-testid="matrix-score"
            data-row-id={cell.rowId}
            data-criterion-id={cell.criterionId}
            onChange={(event) => {
              const value = event.target.value === '' ? null : Number(event.target.value);
              scoring.give(cell, value, value === null ? null : rationale);
            }}
          >
            <option value="">{t('assessments.noScore')}</option>
            {SCORES.map((s) => (
              <option key={s} value={s}>
                {s}
              </option>
            ))}
          </select>
          <button
            type="button"
            className="matrix-icon-button"
            aria-label={t('assessments.rationale.open', {
              row: cell.rowName,
              criterion: cell.criterionName,
            })}
            title={t('assessments.rationale.open', {
              row: cell.rowName,
              criterion: cell.criterionName,
            })}
            data-has-reason={rationale ? 'true' : undefined}
            onClick={() => scoring.select({ ...cell, mode: 'rationale' })}
          >
            <span aria-hidden="true">{rationale ? '✎•' : '✎'}</span>
          </button>
        </div>
      ) : null}
      {pending ? (
        <span className="matrix-cell-note matrix-waiting" data-testid="matrix-waiting">
          {t('assessments.waiting')}
        </span>
      ) : null}
      {refusal ? (
        <span className="matrix-cell-note matrix-refused" role="alert">
          {t(assessmentErrorKey(refusal))}
        </span>
      ) : null}
      {roundOne && roundOne.mean !== null ? (
        <button
          type="button"
          className="matrix-round-one"
          data-testid="matrix-round-one"
          onClick={() => scoring.select({ ...cell, mode: 'breakdown' })}
        >
          {t('assessments.roundOne.summary', {
            mean: formatStat(roundOne.mean, i18n.language),
            min: roundOne.min,
            max: roundOne.max,
            count: roundOne.count,
          })}
        </button>
      ) : null}
    </>
  );
}

function RevealedCell({
  scoring,
  cell,
  result,
}: {
  scoring: MatrixScoring;
  cell: SelectedCell;
  result: CellResult | null;
}) {
  const { t, i18n } = useTranslation();
  const name = t('assessments.cellName', { row: cell.rowName, criterion: cell.criterionName });
  if (!result || result.mean === null) {
    return <span className="matrix-heat matrix-heat-empty">{t('assessments.cell.noScores')}</span>;
  }
  const { background, color, band } = heatColours(result.mean);
  const stats = {
    mean: formatStat(result.mean, i18n.language),
    min: result.min,
    max: result.max,
    sd: formatStat(result.stdDev ?? 0, i18n.language),
    count: result.count,
  };
  return (
    <button
      type="button"
      className="matrix-heat"
      style={{ background, color }}
      data-testid="matrix-heat"
      data-band={band}
      data-row-id={cell.rowId}
      data-criterion-id={cell.criterionId}
      // The name starts with the cell and holds the figures as shown (what a speech-input user
      // says is what they see); the sentence spelling them out is the description.
      title={t('assessments.cell.summary', { cell: name, ...stats })}
      onClick={() => scoring.select({ ...cell, mode: 'breakdown' })}
    >
      <span className="visually-hidden">{name}</span>{' '}
      <span className="matrix-heat-mean" data-testid="matrix-mean">
        {stats.mean}
      </span>{' '}
      <span className="matrix-heat-spread" data-testid="matrix-spread">
        {t('assessments.cell.spread', stats)}
      </span>{' '}
      <span className="matrix-heat-count">{t('assessments.cell.count', stats)}</span>
      {result.scores.some((s) => s.outlier) ? (
        <>
          {' '}
          <span className="matrix-heat-outlier">{t('assessments.cell.hasOutlier')}</span>
        </>
      ) : null}
    </button>
  );
}

function DiscussButton({ scoring, cell }: { scoring: MatrixScoring; cell: SelectedCell }) {
  const { t } = useTranslation();
  const label = t('assessments.discuss.button', {
    cell: t('assessments.cellName', { row: cell.rowName, criterion: cell.criterionName }),
  });
  return (
    <button
      type="button"
      className="matrix-icon-button matrix-discuss"
      aria-label={label}
      title={label}
      onClick={() => scoring.select({ ...cell, mode: 'discuss' })}
    >
      <span aria-hidden="true">💬</span>
    </button>
  );
}
