import type { DocumentPlace, WorkshopView } from '@polisee/contracts';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import { useWorkshopLive } from '../../../stores/workshopLive';
import { CommandError } from './CommandError';
import { useCommand } from './useCommand';

interface FacilitatorControlsProps {
  workshop: WorkshopView;
  session: WorkshopSession;
}

/**
 * Where "here" is for "bring everyone here": the heading at the top of the facilitator's view,
 * else the current item's section, else the top of the document on screen.
 */
function herePlace(workshop: WorkshopView): DocumentPlace | null {
  const probed = useWorkshopLive.getState().probePlace?.() ?? null;
  if (probed) return probed;
  const item = workshop.currentItem === null ? null : workshop.agenda[workshop.currentItem];
  if (item?.section) return { documentId: item.section.documentId, anchor: item.section.anchor };
  return null;
}

/** Go live, end (confirmed), bring everyone here, write the outcome, observers' votes. */
export function FacilitatorControls({ workshop, session }: FacilitatorControlsProps) {
  const { t } = useTranslation();
  const id = useId();
  const { run, error, pending } = useCommand();
  const [confirmEnd, setConfirmEnd] = useState(false);
  const current = workshop.currentItem === null ? null : workshop.agenda[workshop.currentItem];
  const live = workshop.status === 'live';

  return (
    <section
      className="card workshop-panel"
      aria-labelledby={`${id}-title`}
      data-testid="facilitator-controls"
    >
      <h2 id={`${id}-title`}>{t('workshopLive.controls.title')}</h2>
      {workshop.status === 'scheduled' ? (
        <button
          type="button"
          className="button button-primary"
          data-testid="go-live"
          disabled={pending}
          onClick={() =>
            void run(() => session.control({ type: 'goLive' }), t('workshopLive.controls.wentLive'))
          }
        >
          {t('workshopLive.controls.goLive')}
        </button>
      ) : null}
      {live ? (
        <>
          <div className="button-row">
            <button
              type="button"
              className="button"
              data-testid="summon"
              disabled={pending}
              onClick={() => {
                const place = herePlace(workshop);
                if (!place) return;
                void run(
                  () =>
                    session.control({ type: 'summon', place, agendaItemId: current?.id ?? null }),
                  t('workshopLive.controls.summoned'),
                );
              }}
            >
              {t('workshopLive.controls.summon')}
            </button>
            <button
              type="button"
              className="button"
              data-testid="write-outcome"
              disabled={pending}
              onClick={() =>
                void run(
                  () =>
                    session.control({ type: 'writeOutcome', agendaItemId: current?.id ?? null }),
                  t('workshopLive.controls.outcomeWritten'),
                )
              }
            >
              {current
                ? t('workshopLive.controls.writeItemOutcome', { title: current.title })
                : t('workshopLive.controls.writeOutcome')}
            </button>
          </div>
          <div className="field-checkbox">
            <input
              id={`${id}-observers`}
              type="checkbox"
              data-testid="observers-may-vote"
              checked={workshop.observersMayVote}
              disabled={pending}
              onChange={(e) =>
                void run(() =>
                  session.control({ type: 'setObserversMayVote', value: e.target.checked }),
                )
              }
            />
            <label htmlFor={`${id}-observers`}>{t('workshopLive.controls.observersMayVote')}</label>
          </div>
          {confirmEnd ? (
            <div className="alert alert-info" role="group" aria-labelledby={`${id}-confirm`}>
              <p id={`${id}-confirm`}>{t('workshopLive.controls.endConfirm')}</p>
              <div className="button-row">
                <button
                  type="button"
                  className="button button-danger"
                  data-testid="end-workshop-confirm"
                  disabled={pending}
                  // The confirmation appears in place of the button: take the focus to it.
                  autoFocus
                  onClick={() =>
                    void run(
                      () => session.control({ type: 'end' }),
                      t('workshopLive.controls.ended'),
                    ).then(() => setConfirmEnd(false))
                  }
                >
                  {t('workshopLive.controls.endNow')}
                </button>
                <button type="button" className="button" onClick={() => setConfirmEnd(false)}>
                  {t('workshopLive.controls.cancel')}
                </button>
              </div>
            </div>
          ) : (
            <button
              type="button"
              className="button button-danger"
              data-testid="end-workshop"
              onClick={() => setConfirmEnd(true)}
            >
              {t('workshopLive.controls.end')}
            </button>
          )}
        </>
      ) : null}
      {workshop.status === 'ended' ? <p>{t('workshopLive.controls.endedNote')}</p> : null}
      <CommandError error={error} />
    </section>
  );
}
