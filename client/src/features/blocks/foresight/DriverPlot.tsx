import { RATING_MAX, RATING_MIN } from '@polisee/editor-schema';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { placeDrivers, ratingOffset } from './plotPlacement';

export interface PlotDriver {
  driverId: string;
  name: string;
  category: string;
  impact: number;
  uncertainty: number;
}

const FRAME = { width: 280, height: 280, padding: 32 };
const RATINGS = Array.from({ length: RATING_MAX - RATING_MIN + 1 }, (_, i) => RATING_MIN + i);

/**
 * The drivers on an impact × uncertainty plot. Each point is named for assistive technology,
 * and the same figures are offered as a table (the plot's text alternative). The two drivers
 * chosen as the scenario axes are ringed.
 */
export function DriverPlot({ drivers, axes }: { drivers: PlotDriver[]; axes: string[] }) {
  const { t } = useTranslation();
  const titleId = useId();
  const placed = new Map(placeDrivers(drivers, FRAME).map((p) => [p.driverId, p]));
  const { width, height, padding } = FRAME;

  return (
    <figure className="foresight-plot">
      <svg
        viewBox={`0 0 ${width} ${height}`}
        role="group"
        aria-labelledby={titleId}
        className="foresight-plot-svg"
      >
        <title id={titleId}>{t('blocks.foresight.plot')}</title>
        <g aria-hidden="true" className="foresight-plot-grid">
          {RATINGS.map((rating) => {
            const x = ratingOffset(rating, width, padding);
            const y = height - ratingOffset(rating, height, padding);
            return (
              <g key={rating}>
                <line x1={x} y1={padding} x2={x} y2={height - padding} />
                <line x1={padding} y1={y} x2={width - padding} y2={y} />
                <text x={x} y={height - padding + 14} textAnchor="middle">
                  {rating}
                </text>
                <text x={padding - 8} y={y + 4} textAnchor="end">
                  {rating}
                </text>
              </g>
            );
          })}
          <text x={width / 2} y={height - 4} textAnchor="middle" className="foresight-plot-axis">
            {t('blocks.foresight.uncertainty')} →
          </text>
          <text
            x={10}
            y={height / 2}
            textAnchor="middle"
            className="foresight-plot-axis"
            transform={`rotate(-90 10 ${height / 2})`}
          >
            {t('blocks.foresight.impact')} →
          </text>
        </g>
        {drivers.map((driver, index) => {
          const point = placed.get(driver.driverId);
          if (!point) return null;
          return (
            <g
              key={driver.driverId}
              role="img"
              aria-label={t('blocks.foresight.point', {
                name: driver.name,
                impact: driver.impact,
                uncertainty: driver.uncertainty,
              })}
              className="foresight-plot-point"
              data-category={driver.category}
              data-axis={axes.includes(driver.driverId) || undefined}
            >
              <circle cx={point.x} cy={point.y} r={8} />
              <text x={point.x} y={point.y + 3.5} textAnchor="middle" aria-hidden="true">
                {index + 1}
              </text>
            </g>
          );
        })}
      </svg>
      <figcaption>
        <details className="foresight-plot-table">
          <summary>{t('blocks.foresight.plotTable')}</summary>
          <table className="block-table">
            <thead>
              <tr>
                <th scope="col">#</th>
                <th scope="col">{t('blocks.foresight.driver')}</th>
                <th scope="col">{t('blocks.foresight.category')}</th>
                <th scope="col">{t('blocks.foresight.impact')}</th>
                <th scope="col">{t('blocks.foresight.uncertainty')}</th>
              </tr>
            </thead>
            <tbody>
              {drivers.map((driver, index) => (
                <tr key={driver.driverId}>
                  <td>{index + 1}</td>
                  <th scope="row">{driver.name}</th>
                  <td>{t(`blocks.steep.${driver.category}`)}</td>
                  <td>{driver.impact}</td>
                  <td>{driver.uncertainty}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </details>
      </figcaption>
    </figure>
  );
}
