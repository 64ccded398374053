import type { ProgrammeCell, ProgrammeHeatmap } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../i18n/format';
import { formatMean, heatLevel, heatmapGrid, HEAT_LEVELS } from './programmeView';

export interface CellKey {
  priority: ProgrammeCell['priority'];
  country: string;
}

interface HeatmapTableProps {
  heatmap: ProgrammeHeatmap;
  /** Columns, already in the reader's order (by country name). */
  countries: string[];
  selected: CellKey | null;
  onOpen: (cell: CellKey) => void;
}

/**
 * Priorities as rows, countries as columns. Every number is printed (the colour only repeats
 * it); each scored cell is a button that opens what is behind it, an empty one says so.
 */
export function HeatmapTable({ heatmap, countries, selected, onOpen }: HeatmapTableProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const rows = heatmapGrid(heatmap, countries);
  return (
    <>
      <div className="table-wrap">
        <table className="data-table heatmap" data-testid="programme-heatmap">
          <caption>{t('programme.table.caption')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('programme.table.priority')}</th>
              {countries.map((country) => (
                <th scope="col" key={country}>
                  {format.country(country)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.priority}>
                <th scope="row">{t(`priorities.${row.priority}.name`)}</th>
                {row.cells.map((cell, i) =>
                  cell ? (
                    <td key={countries[i]} className={`heat heat-${heatLevel(cell.mean)}`}>
                      <HeatButton
                        cell={cell}
                        label={t(`priorities.${row.priority}.name`)}
                        selected={
                          selected?.priority === cell.priority && selected.country === cell.country
                        }
                        onOpen={onOpen}
                      />
                    </td>
                  ) : (
                    <td key={countries[i]} className="heat heat-empty">
                      {t('programme.table.noAssessment')}
                    </td>
                  ),
                )}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <HeatLegend />
    </>
  );
}

export function HeatButton({
  cell,
  label,
  selected,
  onOpen,
}: {
  cell: ProgrammeCell;
  /** The row's name, for the button's accessible name. */
  label: string;
  selected: boolean;
  onOpen: (cell: CellKey) => void;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  const mean = formatMean(cell.mean, format.language);
  return (
    <button
      type="button"
      className="heat-button"
      aria-expanded={selected}
      aria-controls="programme-drilldown"
      data-testid={`heat-${cell.priority}-${cell.country}`}
      onClick={() => onOpen({ priority: cell.priority, country: cell.country })}
    >
      {/* The name is the printed text with its context around it, never another text. */}
      <span className="visually-hidden">
        {t('programme.table.cellContext', {
          priority: label,
          country: format.country(cell.country),
        })}{' '}
      </span>
      <span className="heat-mean">{mean}</span>{' '}
      <span className="heat-count">
        {t('programme.table.assessmentsShort', { count: cell.assessments })}
      </span>
      <span className="visually-hidden">
        {' '}
        {t('programme.table.cellScores', { scores: format.number(cell.scores) })}
      </span>
    </button>
  );
}

function HeatLegend() {
  const { t } = useTranslation();
  return (
    <div className="heat-legend" aria-label={t('programme.legend.title')} role="group">
      <span className="heat-legend-title">{t('programme.legend.title')}</span>
      <span>{t('programme.legend.low')}</span>
      <ul>
        {HEAT_LEVELS.map((level) => (
          <li key={level} className={`heat heat-${level}`}>
            {level}
          </li>
        ))}
      </ul>
      <span>{t('programme.legend.high')}</span>
      <span className="heat heat-empty heat-legend-empty">{t('programme.table.noAssessment')}</span>
    </div>
  );
}
