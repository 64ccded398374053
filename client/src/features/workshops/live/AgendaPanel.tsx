import type { WorkshopView } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import { CommandError } from './CommandError';
import { useCommand } from './useCommand';

interface AgendaPanelProps {
  workshop: WorkshopView;
  session: WorkshopSession;
  facilitates: boolean;
}

/** Whole minutes spent, counting the current item's visit so far. */
function minutesSpent(workshop: WorkshopView, index: number, serverNowMs: number): number {
  const item = workshop.agenda[index]!;
  let seconds = item.spentSeconds;
  if (index === workshop.currentItem && workshop.currentItemSince && workshop.status === 'live')
    seconds += Math.max(0, (serverNowMs - Date.parse(workshop.currentItemSince)) / 1000);
  return Math.floor(seconds / 60);
}

/**
 * The agenda: each item's planned minutes and the time spent on it; the current one is marked
 * for everyone. Facilitators move to the previous, the next or any item, and can bring everyone
 * to an item's section.
 */
export function AgendaPanel({ workshop, session, facilitates }: AgendaPanelProps) {
  const { t } = useTranslation();
  const { run, error, pending } = useCommand();
  const live = workshop.status === 'live';
  const current = workshop.currentItem;
  const serverNowMs = Date.now() + session.offsetMs;
  const controls = facilitates && live;

  return (
    <section className="card workshop-panel" aria-labelledby="workshop-agenda-title">
      <h2 id="workshop-agenda-title">{t('workshopLive.agenda.title')}</h2>
      <ol className="workshop-agenda">
        {workshop.agenda.map((item, index) => {
          const isCurrent = index === current;
          return (
            <li
              key={item.id}
              data-testid="agenda-item"
              data-current={isCurrent ? 'true' : 'false'}
              aria-current={isCurrent ? 'step' : undefined}
              className={isCurrent ? 'workshop-agenda-item is-current' : 'workshop-agenda-item'}
            >
              <div className="workshop-agenda-title">
                {isCurrent ? (
                  <span className="badge workshop-now">{t('workshopLive.agenda.now')}</span>
                ) : null}{' '}
                <span>{item.title}</span>
              </div>
              <div className="workshop-agenda-times">
                {t('workshopLive.agenda.planned', { count: item.minutes })}
                {' · '}
                {t('workshopLive.agenda.spent', {
                  count: minutesSpent(workshop, index, serverNowMs),
                })}
              </div>
              {item.section ? (
                <div className="workshop-agenda-section">
                  {t('workshopLive.agenda.section', { heading: item.section.heading })}
                </div>
              ) : null}
              {controls ? (
                <div className="button-row">
                  {!isCurrent ? (
                    <button
                      type="button"
                      className="button button-quiet"
                      data-testid="agenda-go-to"
                      disabled={pending}
                      onClick={() =>
                        void run(
                          () => session.control({ type: 'goTo', index }),
                          t('workshopLive.agenda.movedTo', { title: item.title }),
                        )
                      }
                    >
                      {t('workshopLive.agenda.goTo')}
                      <span className="visually-hidden">: {item.title}</span>
                    </button>
                  ) : null}
                  {item.section ? (
                    <button
                      type="button"
                      className="button button-quiet"
                      data-testid="summon-item"
                      disabled={pending}
                      onClick={() =>
                        void run(
                          () =>
                            session.control({
                              type: 'summon',
                              place: {
                                documentId: item.section!.documentId,
                                anchor: item.section!.anchor,
                              },
                              agendaItemId: item.id,
                            }),
                          t('workshopLive.controls.summoned'),
                        )
                      }
                    >
                      {t('workshopLive.agenda.summonHere')}
                      <span className="visually-hidden">: {item.title}</span>
                    </button>
                  ) : null}
                </div>
              ) : null}
            </li>
          );
        })}
      </ol>
      {controls ? (
        <div className="button-row" role="group" aria-label={t('workshopLive.agenda.move')}>
          <button
            type="button"
            className="button"
            data-testid="agenda-previous"
            disabled={pending || current === null || current === 0}
            onClick={() => void run(() => session.control({ type: 'previous' }))}
          >
            {t('workshopLive.agenda.previous')}
          </button>
          <button
            type="button"
            className="button button-primary"
            data-testid="agenda-next"
            disabled={pending || (current !== null && current >= workshop.agenda.length - 1)}
            onClick={() => void run(() => session.control({ type: 'next' }))}
          >
            {t('workshopLive.agenda.next')}
          </button>
        </div>
      ) : null}
      <CommandError error={error} />
    </section>
  );
}
