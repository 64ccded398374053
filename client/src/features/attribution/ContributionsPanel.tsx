import { useTranslation } from 'react-i18next';
import { contributionsCsvUrl, useDocumentContributions } from './attributionApi';
import './attribution.css';

/** The document's contribution statistics per organisation, with the CSV (decision 0069). */
export function ContributionsPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const { data, isError } = useDocumentContributions(documentId);
  // Forbidden (a workshop guest) or failed: the panel is not shown.
  if (isError || !data) return null;
  return (
    <section className="card contributions" aria-labelledby="contributions-title">
      <h2 id="contributions-title">{t('attribution.statistics.title')}</h2>
      {data.totals.length === 0 ? (
        <p className="muted small">{t('attribution.statistics.empty')}</p>
      ) : (
        <div className="table-wrap">
          <table className="data-table contributions-table">
            <thead>
              <tr>
                <th scope="col">{t('attribution.statistics.organisation')}</th>
                <th scope="col">{t('attribution.statistics.country')}</th>
                <th scope="col" className="num">
                  {t('attribution.statistics.inserted')}
                </th>
                <th scope="col" className="num">
                  {t('attribution.statistics.deleted')}
                </th>
                <th scope="col" className="num">
                  {t('attribution.statistics.suggestions')}
                </th>
                <th scope="col" className="num">
                  {t('attribution.statistics.accepted')}
                </th>
                <th scope="col" className="num">
                  {t('attribution.statistics.rejected')}
                </th>
              </tr>
            </thead>
            <tbody>
              {data.totals.map((row) => (
                <tr key={row.organisationId ?? row.country}>
                  <th scope="row">{row.organisationName}</th>
                  <td>{row.country}</td>
                  <td className="num">{row.charactersInserted}</td>
                  <td className="num">{row.charactersDeleted}</td>
                  <td className="num">{row.suggestionsMade}</td>
                  <td className="num">{row.suggestionsAccepted}</td>
                  <td className="num">{row.suggestionsRejected}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <a className="button button-quiet" href={contributionsCsvUrl(documentId)} download>
        {t('attribution.statistics.csv')}
      </a>
    </section>
  );
}
