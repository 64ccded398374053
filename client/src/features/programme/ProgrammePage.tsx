import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useProgrammeHeatmap } from '../../api/programme';
import { useFormat } from '../../i18n/format';
import { canReportContributions } from '../../permissions/permissions';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { usePageTitle } from '../../ui/usePageTitle';
import { CellDrillDown } from './CellDrillDown';
import { HeatButton, HeatmapTable, type CellKey } from './HeatmapTable';
import { ProgrammeFilters } from './ProgrammeFilters';
import {
  heatLevel,
  programmeFilterFrom,
  sortByName,
  type ProgrammeFilterParam,
} from './programmeView';
import './programme.css';

/**
 * `/programme`: what regions think, priority by priority — the mean score of every revealed
 * assessment the reader may read, by thematic priority × the scorers' country, and what is
 * behind each number. The filters live in the address, so a view can be shared as a link.
 */
export function ProgrammePage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('programme.page.title'));
  const [params, setParams] = useSearchParams();
  const filter = programmeFilterFrom(params);
  const heatmap = useProgrammeHeatmap(filter);
  const [selected, setSelected] = useState<CellKey | null>(null);
  const session = useSessionInfo();
  // Contributions by organisation: admins for the programme, leads and committees for a group.
  const mayReport =
    canReportContributions(session) ||
    session.memberships.some((m) => canReportContributions(session, m.workingGroupId));

  const onFilterChange = (key: ProgrammeFilterParam, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const data = heatmap.data;
  const countries = data ? sortByName(data.countries, format.country) : [];

  return (
    <div className="page programme-page">
      <div className="page-header">
        <div>
          <h1>{t('programme.page.title')}</h1>
          <p className="muted">{t('programme.page.intro')}</p>
        </div>
        {mayReport ? (
          <Link to={paths.programmeContributions()} className="button">
            {t('attribution.report.link')}
          </Link>
        ) : null}
      </div>
      <ProgrammeFilters filter={filter} onChange={onFilterChange} />
      {heatmap.isPending ? <Loading /> : null}
      <ErrorAlert error={heatmap.error} context={t('programme.loadFailed')} />
      {data ? (
        <>
          <p className="muted" data-testid="programme-sources">
            {t('programme.sources', {
              documents: format.number(data.sources.documents),
              matrices: format.number(data.sources.matrices),
              scores: format.number(data.sources.scores),
            })}
          </p>
          {data.sources.scores === 0 ? (
            <p className="empty-state" data-testid="programme-empty">
              {t('programme.empty')}
            </p>
          ) : (
            <HeatmapTable
              heatmap={data}
              countries={countries}
              selected={selected}
              onOpen={setSelected}
            />
          )}
          {data.unprioritised.length > 0 ? (
            <section aria-labelledby="programme-unprioritised" className="programme-unprioritised">
              <h2 id="programme-unprioritised">{t('programme.unprioritised.title')}</h2>
              <p className="muted">{t('programme.unprioritised.intro')}</p>
              <ul>
                {sortByName(
                  data.unprioritised.map((c) => c.country),
                  format.country,
                ).map((country) => {
                  const cell = data.unprioritised.find((c) => c.country === country)!;
                  return (
                    <li key={country} className={`heat heat-${heatLevel(cell.mean)}`}>
                      <span>{format.country(country)}</span>
                      <HeatButton
                        cell={cell}
                        label={t('programme.drill.noPriority')}
                        selected={selected?.priority === 'none' && selected.country === country}
                        onOpen={setSelected}
                      />
                    </li>
                  );
                })}
              </ul>
            </section>
          ) : null}
        </>
      ) : null}
      {selected ? (
        <CellDrillDown cell={selected} filter={filter} onClose={() => setSelected(null)} />
      ) : null}
    </div>
  );
}
