import { useTranslation } from 'react-i18next';
import { contributionsCsvUrl, useDocumentContributions } from './attributionApi';

/** The document's contribution statistics per organisation, with the CSV (decision 0069). */
export function ContributionsPanel({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const { data, isError } = useDocumentContributions(documentId);
  // Forbidden (a workshop guest) or failed: the panel is not shown.
  if (isError || !data) return null;
  return (
    <section className="contributions" aria-labelledby="contributions-title">
      <h2 id="contributions-title">{t('attribution.statistics.title')}</h2>
      {data.totals.length === 0 ? (
        <p>{t('attribution.statistics.empty')}</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">{t('attribution.statistics.organisation')}</th>
              <th scope="col">{t('attribution.statistics.country')}</th>
              <th scope="col">{t('attribution.statistics.inserted')}</th>
              <th scope="col">{t('attribution.statistics.deleted')}</th>
              <th scope="col">{t('attribution.statistics.suggestions')}</th>
              <th scope="col">{t('attribution.statistics.accepted')}</th>
              <th scope="col">{t('attribution.statistics.rejected')}</th>
            </tr>
          </thead>
          <tbody>
            {data.totals.map((row) => (
              <tr key={row.organisationId ?? row.country}>
                <th scope="row">{row.organisationName}</th>
                <td>{row.country}</td>
                <td>{row.charactersInserted}</td>
                <td>{row.charactersDeleted}</td>
                <td>{row.suggestionsMade}</td>
                <td>{row.suggestionsAccepted}</td>
                <td>{row.suggestionsRejected}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <a href={contributionsCsvUrl(documentId)} download>
        {t('attribution.statistics.csv')}
      </a>
    </section>
  );
}
