import type { ProgrammeCellDetail } from '@polisee/contracts';
import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { useProgrammeCell } from '../../api/programme';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import type { CellKey } from './HeatmapTable';
import { formatMean } from './programmeView';
import type { ProgrammeFilter } from '@polisee/contracts';

interface CellDrillDownProps {
  cell: CellKey;
  filter: ProgrammeFilter;
  onClose: () => void;
}

/** What is behind one number: each criterion's mean, then the documents and their cells. */
export function CellDrillDown({ cell, filter, onClose }: CellDrillDownProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const detail = useProgrammeCell({ ...filter, ...cell });
  const heading = useRef<HTMLHeadingElement>(null);
  // Opening moves the reader to what they asked for, as a page would.
  useEffect(() => heading.current?.focus(), [cell.priority, cell.country]);
  const priorityName = priorityLabel(t, cell.priority);

  return (
    <section
      id="programme-drilldown"
      className="card programme-drilldown"
      aria-labelledby="programme-drilldown-title"
      data-testid="programme-drilldown"
    >
      <div className="programme-drilldown-header">
        <h2 id="programme-drilldown-title" tabIndex={-1} ref={heading}>
          {t('programme.drill.title', {
            priority: priorityName,
            country: format.country(cell.country),
          })}
        </h2>
        <button type="button" className="button button-quiet" onClick={onClose}>
          {t('programme.drill.close')}
        </button>
      </div>
      {detail.isPending ? <Loading /> : null}
      <ErrorAlert error={detail.error} context={t('programme.drill.loadFailed')} />
      {detail.data ? <DrillDownBody detail={detail.data} /> : null}
    </section>
  );
}

function DrillDownBody({ detail }: { detail: ProgrammeCellDetail }) {
  const { t } = useTranslation();
  const format = useFormat();
  const mean = (value: number) => formatMean(value, format.language);
  if (!detail.cell) return <p className="muted">{t('programme.drill.empty')}</p>;
  const criterionName = (c: { dac: string | null; label: string }) =>
    c.label || (c.dac ? t(`blocks.dac.${c.dac}`) : '');
  const rowName = (label: string) => label || priorityLabel(t, detail.priority);

  return (
    <>
      <p data-testid="programme-drilldown-summary">
        {t('programme.drill.summary', {
          mean: mean(detail.cell.mean),
          scores: format.number(detail.cell.scores),
          assessments: format.number(detail.cell.assessments),
        })}
      </p>
      <h3>{t('programme.drill.criteria')}</h3>
      <div className="table-wrap">
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('programme.drill.criterion')}</th>
              <th scope="col">{t('programme.drill.mean')}</th>
              <th scope="col">{t('programme.drill.scores')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.criteria.map((c) => (
              <tr key={`${c.dac ?? ''}:${c.label}`}>
                <th scope="row">{criterionName(c)}</th>
                <td>{mean(c.mean)}</td>
                <td>{format.number(c.scores)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <h3>{t('programme.drill.documents')}</h3>
      <div className="table-wrap">
        <table className="data-table" data-testid="programme-drilldown-sources">
          <thead>
            <tr>
              <th scope="col">{t('programme.drill.document')}</th>
              <th scope="col">{t('programme.drill.matrix')}</th>
              <th scope="col">{t('programme.drill.row')}</th>
              <th scope="col">{t('programme.drill.criterion')}</th>
              <th scope="col">{t('programme.drill.mean')}</th>
              <th scope="col">{t('programme.drill.scores')}</th>
            </tr>
          </thead>
          <tbody>
            {detail.documents.flatMap((doc) =>
              doc.matrices.flatMap((matrix) =>
                matrix.cells.map((c) => (
                  <tr key={`${doc.documentId}:${matrix.matrixId}:${c.rowId}:${c.criterionId}`}>
                    <td>
                      <Link to={paths.document(doc.documentId)}>{doc.title}</Link>
                    </td>
                    <td>
                      {matrix.title || t('blocks.matrix.untitled')}
                      {matrix.round === 2 ? (
                        <span className="muted"> {t('programme.drill.round2')}</span>
                      ) : null}
                    </td>
                    <td>{rowName(c.rowLabel)}</td>
                    <td>{criterionName({ dac: c.dac, label: c.criterionLabel })}</td>
                    <td>{mean(c.mean)}</td>
                    <td>{format.number(c.scores)}</td>
                  </tr>
                )),
              ),
            )}
          </tbody>
        </table>
      </div>
    </>
  );
}

function priorityLabel(
  t: (key: string) => string,
  priority: ProgrammeCellDetail['priority'],
): string {
  return priority === 'none' ? t('programme.drill.noPriority') : t(`priorities.${priority}.name`);
}
