import type { ContributionFigures } from '@polisee/contracts';
import { CONTRIBUTION_GROUPINGS } from '@polisee/contracts';
import { CONTRIBUTION_PERIODS } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { useSessionInfo } from '../../api/auth';
import { useWorkingGroups } from '../../api/workspace';
import { useFormat } from '../../i18n/format';
import { paths } from '../../routes/paths';
import { ErrorAlert } from '../../ui/ErrorAlert';
import { Loading } from '../../ui/Loading';
import { SelectField } from '../../ui/SelectField';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';
import { programmeContributionsCsvUrl, useProgrammeContributions } from './attributionApi';
import {
  reportableGroups,
  reportQueryFrom,
  sumByPeriod,
  type ReportParam,
} from './contributionsReport';
import './attribution.css';

/** Each figure and its column's label (the document panel's words). */
const FIGURES = {
  charactersInserted: 'inserted',
  charactersDeleted: 'deleted',
  suggestionsMade: 'suggestions',
  suggestionsAccepted: 'accepted',
  suggestionsRejected: 'rejected',
  suggestionsSettled: 'settled',
} as const satisfies Record<keyof ContributionFigures, string>;
const FIGURE_KEYS = Object.keys(FIGURES) as (keyof ContributionFigures)[];

/**
 * `/programme/contributions`: who wrote the programme's documents, per organisation (with its
 * country) or per country, over a range of days, summed by month or day, with the CSV for
 * programme reporting (decision 0069). A group's lead and steering-committee members see their
 * group; admins any group or the whole programme. The choice lives in the address.
 */
export function ContributionsReportPage() {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('attribution.report.title'));
  const session = useSessionInfo();
  const groups = useWorkingGroups();
  const [params, setParams] = useSearchParams();
  const allowed = reportableGroups(session, groups.data ?? []);
  const query = reportQueryFrom(params, session, groups.data ?? []);
  const mayReport = session.user.isAdmin || allowed.length > 0;
  const report = useProgrammeContributions(query, groups.isSuccess && mayReport);

  const set = (key: ReportParam, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };

  if (groups.isPending) return <Loading />;
  const header = (
    <div className="page-header">
      <div>
        <nav aria-label={t('nav.breadcrumb')} className="breadcrumb">
          <Link to={paths.programme()}>{t('programme.page.title')}</Link>
        </nav>
        <h1>{t('attribution.report.title')}</h1>
        <p className="muted">{t('attribution.report.intro')}</p>
      </div>
      {mayReport ? (
        <a className="button" href={programmeContributionsCsvUrl(query)} download>
          {t('attribution.statistics.csv')}
        </a>
      ) : null}
    </div>
  );
  if (groups.isError || !mayReport)
    return (
      <div className="page page-narrow">
        {header}
        {groups.isError ? (
          <ErrorAlert error={groups.error} context={t('workingGroups.loadFailed')} />
        ) : (
          <div className="alert alert-info" role="status">
            <p>{t('attribution.report.notAllowed')}</p>
          </div>
        )}
      </div>
    );

  const data = report.data;
  const contributor = (row: { organisationName: string | null; country: string }) =>
    data?.groupBy === 'country' ? format.country(row.country) : (row.organisationName ?? '');
  const figureHeaders = FIGURE_KEYS.map((f) => (
    <th key={f} scope="col" className="num">
      {t(`attribution.statistics.${FIGURES[f]}`)}
    </th>
  ));
  const figureCells = (row: ContributionFigures) =>
    FIGURE_KEYS.map((f) => (
      <td key={f} className="num">
        {format.number(row[f])}
      </td>
    ));
  const contributorHeaders =
    data?.groupBy === 'country' ? (
      <th scope="col">{t('attribution.statistics.country')}</th>
    ) : (
      <>
        <th scope="col">{t('attribution.statistics.organisation')}</th>
        <th scope="col">{t('attribution.statistics.country')}</th>
      </>
    );
  const countryCell = (country: string) =>
    data?.groupBy === 'country' ? null : <td>{format.country(country)}</td>;

  return (
    <div className="page contributions-report">
      {header}
      <form
        className="filters"
        aria-label={t('attribution.report.filters')}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          id="contributions-scope"
          label={t('fields.workingGroup')}
          value={query.workingGroupId ?? ''}
          onChange={(e) => set('workingGroupId', e.target.value)}
          error={undefined}
        >
          {session.user.isAdmin ? (
            <option value="">{t('attribution.report.wholeProgramme')}</option>
          ) : null}
          {allowed.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="contributions-group-by"
          label={t('attribution.report.groupBy')}
          value={query.groupBy}
          onChange={(e) => set('groupBy', e.target.value)}
          error={undefined}
        >
          {CONTRIBUTION_GROUPINGS.map((g) => (
            <option key={g} value={g}>
              {t(`attribution.report.groupings.${g}`)}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="contributions-period"
          label={t('attribution.report.period')}
          value={query.period}
          onChange={(e) => set('period', e.target.value)}
          error={undefined}
        >
          {CONTRIBUTION_PERIODS.map((p) => (
            <option key={p} value={p}>
              {t(`attribution.report.periods.${p}`)}
            </option>
          ))}
        </SelectField>
        <TextField
          id="contributions-from"
          type="date"
          label={t('attribution.report.from')}
          value={query.from ?? ''}
          max={query.to}
          onValueChange={(v) => set('from', v)}
          error={undefined}
        />
        <TextField
          id="contributions-to"
          type="date"
          label={t('attribution.report.to')}
          value={query.to ?? ''}
          min={query.from}
          onValueChange={(v) => set('to', v)}
          error={undefined}
        />
      </form>
      {report.isPending ? <Loading /> : null}
      <ErrorAlert error={report.error} context={t('attribution.report.loadFailed')} />
      {data && data.totals.length === 0 ? (
        <p className="empty-state">{t('attribution.statistics.empty')}</p>
      ) : null}
      {data && data.totals.length > 0 ? (
        <>
          <section aria-labelledby="contributions-totals-title">
            <h2 id="contributions-totals-title">{t('attribution.report.totals')}</h2>
            <div className="table-wrap">
              <table className="data-table contributions-table" data-testid="contribution-totals">
                <thead>
                  <tr>
                    {contributorHeaders}
                    {figureHeaders}
                  </tr>
                </thead>
                <tbody>
                  {data.totals.map((row) => (
                    <tr key={row.organisationId ?? row.country}>
                      <th scope="row">{contributor(row)}</th>
                      {countryCell(row.country)}
                      {figureCells(row)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
          <section aria-labelledby="contributions-periods-title">
            <h2 id="contributions-periods-title">{t('attribution.report.byPeriod')}</h2>
            <div className="table-wrap">
              <table className="data-table contributions-table" data-testid="contribution-periods">
                <thead>
                  <tr>
                    <th scope="col">{t('attribution.report.period')}</th>
                    {contributorHeaders}
                    {figureHeaders}
                  </tr>
                </thead>
                <tbody>
                  {sumByPeriod(data.rows).map((row) => (
                    <tr key={`${row.period}-${row.organisationId ?? row.country}`}>
                      <td>{row.period}</td>
                      <th scope="row">{contributor(row)}</th>
                      {countryCell(row.country)}
                      {figureCells(row)}
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </section>
        </>
      ) : null}
    </div>
  );
}
