import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useRevealScores, useStartSecondRound } from '../../../api/assessments';
import { assessmentErrorKey } from './assessmentErrors';
import { HEAT_BANDS, heatColours } from './heatmap';
import type { MatrixScoring } from './useMatrixScoring';

interface MatrixScoringBarProps {
  scoring: MatrixScoring;
  /** Editors set whether observers and committee members may score (a document attribute). */
  editable: boolean;
  allowObservers: boolean;
  onAllowObservers: (allow: boolean) => void;
}

/**
 * Above the matrix: the round and its phase, how many have scored (a count leaks no score),
 * what waits on this device, the lead's reveal and second round, and the heatmap's legend.
 */
export function MatrixScoringBar({
  scoring,
  editable,
  allowObservers,
  onAllowObservers,
}: MatrixScoringBarProps) {
  const { t } = useTranslation();
  const { document, matrixId, view, may } = scoring;
  const reveal = useRevealScores(document.id, matrixId);
  const secondRound = useStartSecondRound(document.id, matrixId);
  const observersId = useId();
  const pendingCount = Object.keys(scoring.pending).length;
  const failure = reveal.error ?? secondRound.error;

  return (
    <div className="matrix-scoring-bar" data-testid="matrix-scoring-bar">
      {view ? (
        <p className="matrix-phase" data-testid="matrix-phase" data-phase={view.phase}>
          <strong>{t(`assessments.phase.${view.phase}`, { round: view.round })}</strong>{' '}
          <span data-testid="matrix-scorer-count">
            {view.scorerCount === 0
              ? t('assessments.scorersNone')
              : t('assessments.scorers', { count: view.scorerCount })}
          </span>
        </p>
      ) : scoring.loadError ? (
        <p className="field-error" role="alert">
          {t('assessments.loadFailed')}
        </p>
      ) : null}
      {/* Announced politely: a score kept offline is news, not an alarm. */}
      <p className="matrix-pending" role="status" data-testid="matrix-pending">
        {pendingCount > 0 ? t('assessments.pending', { count: pendingCount }) : ''}
      </p>
      {view?.phase === 'scoring' && !may.score ? (
        <p className="muted matrix-note">{t('assessments.mayNotScore')}</p>
      ) : null}
      <div className="matrix-scoring-actions">
        {editable ? (
          <label className="matrix-observers" htmlFor={observersId}>
            <input
              id={observersId}
              type="checkbox"
              checked={allowObservers}
              onChange={(event) => onAllowObservers(event.target.checked)}
            />{' '}
            {t('assessments.allowObservers')}
          </label>
        ) : null}
        {view?.phase === 'scoring' && may.reveal ? (
          <button
            type="button"
            className="button button-primary"
            disabled={reveal.isPending}
            onClick={() => {
              if (window.confirm(t('assessments.reveal.confirm'))) reveal.mutate();
            }}
          >
            {t('assessments.reveal.button')}
          </button>
        ) : null}
        {view?.phase === 'revealed' && view.round === 1 && may.secondRound ? (
          <button
            type="button"
            className="button"
            disabled={secondRound.isPending}
            onClick={() => {
              if (window.confirm(t('assessments.secondRound.confirm'))) secondRound.mutate();
            }}
          >
            {t('assessments.secondRound.button')}
          </button>
        ) : null}
      </div>
      {failure ? (
        <p className="field-error" role="alert">
          {t(assessmentErrorKey(failure))}
        </p>
      ) : null}
      {view?.phase === 'revealed' || (view?.round === 2 && view.results.length > 0) ? (
        <HeatLegend />
      ) : null}
    </div>
  );
}

/** The colour scale, each band with its number: colour is never the only carrier. */
function HeatLegend() {
  const { t } = useTranslation();
  return (
    <figure className="matrix-legend" aria-label={t('assessments.legend.title')}>
      <figcaption>{t('assessments.legend.title')}</figcaption>
      <ol className="matrix-legend-scale">
        {HEAT_BANDS.map(({ score }) => {
          const { background, color } = heatColours(score);
          return (
            <li key={score} style={{ background, color }}>
              {score}
            </li>
          );
        })}
      </ol>
      <span className="matrix-legend-ends">
        {t('assessments.legend.weak')} · {t('assessments.legend.strong')}
      </span>
    </figure>
  );
}
