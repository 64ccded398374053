import type { PollView, WorkshopView } from '@polisee/contracts';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import { personOf } from './workshopPermissions';

/**
 * Results as an accessible chart: a table with each option's count and share as text, and a bar
 * drawn beside it for the eye (hidden from screen readers, which read the numbers). For a named
 * poll, who voted what.
 */
export function PollResults({ poll, workshop }: { poll: PollView; workshop: WorkshopView }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const results = poll.results;
  if (!results) return null;
  const textOf = (optionId: string) =>
    poll.options.find((o) => o.id === optionId)?.text ?? optionId;
  const percent = new Intl.NumberFormat(format.language, {
    style: 'percent',
    maximumFractionDigits: 1,
  });
  const decimal = new Intl.NumberFormat(format.language, { maximumFractionDigits: 2 });
  const live = poll.status === 'open';

  return (
    <div className="workshop-results" data-testid="poll-results" data-live={live || undefined}>
      <table className="data-table workshop-results-table" aria-describedby={`${id}-voters`}>
        <caption className="visually-hidden">
          {t('workshopLive.results.caption', { question: poll.question })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('workshopLive.results.option')}</th>
            <th scope="col">{t(`workshopLive.results.total.${poll.kind}`)}</th>
            <th scope="col">
              {poll.kind === 'score'
                ? t('workshopLive.results.mean')
                : t('workshopLive.results.share')}
            </th>
            <th scope="col" aria-hidden="true" className="workshop-bar-column" />
          </tr>
        </thead>
        <tbody>
          {results.options.map((r) => (
            <tr key={r.optionId} data-option-id={r.optionId}>
              <th scope="row">{textOf(r.optionId)}</th>
              <td data-testid="result-total">{format.number(r.total)}</td>
              <td data-testid="result-percent">
                {poll.kind === 'score'
                  ? r.mean === null
                    ? '–'
                    : decimal.format(r.mean)
                  : percent.format(r.percent / 100)}
              </td>
              <td aria-hidden="true" className="workshop-bar-cell">
                <span className="workshop-bar" style={{ width: `${Math.min(100, r.percent)}%` }} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
      <p id={`${id}-voters`} className="workshop-muted">
        {live ? `${t('workshopLive.results.live')} ` : ''}
        {t('workshopLive.results.voters', { count: results.voters })}
      </p>
      {results.ballots ? (
        <details className="workshop-named-ballots">
          <summary>{t('workshopLive.results.whoVoted')}</summary>
          <ul>
            {results.ballots.map((ballot) => (
              <li key={ballot.userId}>
                <strong>
                  {personOf(workshop, ballot.userId)?.name ?? t('workshopLive.someone')}
                </strong>
                {': '}
                {format.list(
                  ballot.allocations.map((a) =>
                    poll.kind === 'single' || poll.kind === 'multiple'
                      ? textOf(a.optionId)
                      : t('workshopLive.results.allocation', {
                          option: textOf(a.optionId),
                          value: a.value,
                        }),
                  ),
                )}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
    </div>
  );
}
