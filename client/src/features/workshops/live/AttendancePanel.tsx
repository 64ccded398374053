import type { WorkshopView } from '@polisee/contracts';
import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useAttendance } from '../../../api/workshops';
import { useFormat } from '../../../i18n/format';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { Loading } from '../../../ui/Loading';

/** Who joined and left, and when, with organisation and country: for programme reporting. */
export function AttendancePanel({ workshop }: { workshop: WorkshopView }) {
  const { t } = useTranslation();
  const format = useFormat();
  // Refreshed with every join and leave the room hears about (presence changes the view).
  const attendance = useAttendance(workshop.id);
  const presentKey = workshop.present.join(',');
  const { refetch, isSuccess } = attendance;
  useEffect(() => {
    if (isSuccess) void refetch();
    // Only when who is here changes.
  }, [presentKey]);

  return (
    <section className="card workshop-panel" aria-labelledby="workshop-attendance-title">
      <details
        onToggle={(e) => {
          if ((e.target as HTMLDetailsElement).open) void attendance.refetch();
        }}
      >
        <summary>
          <h2 id="workshop-attendance-title" className="workshop-summary-heading">
            {t('workshopLive.attendance.title')}
          </h2>
        </summary>
        {attendance.isPending ? <Loading /> : null}
        {attendance.isError ? (
          <ErrorAlert error={attendance.error} context={t('workshopLive.attendance.loadFailed')} />
        ) : null}
        {attendance.data ? (
          <div className="table-wrap">
            <table className="data-table" data-testid="attendance" data-present={presentKey}>
              <caption className="visually-hidden">{t('workshopLive.attendance.title')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('workshopLive.attendance.person')}</th>
                  <th scope="col">{t('workshopLive.attendance.organisation')}</th>
                  <th scope="col">{t('workshopLive.attendance.country')}</th>
                  <th scope="col">{t('workshopLive.attendance.joined')}</th>
                  <th scope="col">{t('workshopLive.attendance.left')}</th>
                </tr>
              </thead>
              <tbody>
                {attendance.data.map((row) => (
                  <tr key={`${row.userId}-${row.joinedAt}`}>
                    <th scope="row">{row.person.name}</th>
                    <td>{row.person.organisationName}</td>
                    <td>{format.country(row.person.country)}</td>
                    <td>
                      <time dateTime={row.joinedAt}>{format.dateTime(row.joinedAt)}</time>
                    </td>
                    <td>
                      {row.leftAt ? (
                        <time dateTime={row.leftAt}>{format.dateTime(row.leftAt)}</time>
                      ) : (
                        t('workshopLive.attendance.stillHere')
                      )}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        ) : null}
      </details>
    </section>
  );
}
