import type { WorkshopView } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { useFormat } from '../../../i18n/format';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import { CommandError } from './CommandError';
import { useCommand } from './useCommand';
import { personOf } from './workshopPermissions';

interface HandQueueProps {
  workshop: WorkshopView;
  session: WorkshopSession;
  userId: string;
  mayRaise: boolean;
  facilitates: boolean;
}

/**
 * Raised hands in the order they were raised. Everyone raises and lowers their own; facilitators
 * lower anyone's and call on the next.
 */
export function HandQueue({ workshop, session, userId, mayRaise, facilitates }: HandQueueProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const { run, error, pending } = useCommand();
  const live = workshop.status === 'live';
  const raised = workshop.hands.some((h) => h.userId === userId);

  return (
    <section className="card workshop-panel" aria-labelledby="workshop-hands-title">
      <h2 id="workshop-hands-title">
        {t('workshopLive.hands.title', { count: workshop.hands.length })}
      </h2>
      {live && mayRaise ? (
        <button
          type="button"
          className={raised ? 'button' : 'button button-primary'}
          data-testid="raise-hand"
          aria-pressed={raised}
          disabled={pending}
          onClick={() =>
            void run(
              () => session.hand(!raised),
              raised ? t('workshopLive.hands.lowered') : t('workshopLive.hands.raised'),
            )
          }
        >
          {raised ? t('workshopLive.hands.lowerMine') : t('workshopLive.hands.raise')}
        </button>
      ) : null}
      <ol className="workshop-hands" data-testid="hand-queue">
        {workshop.hands.map((hand, index) => {
          const person = personOf(workshop, hand.userId);
          const name = person?.name ?? t('workshopLive.someone');
          return (
            <li key={hand.userId} data-user-id={hand.userId}>
              <span>
                {t('workshopLive.hands.entry', { position: index + 1, name })}
                {person ? (
                  <span className="workshop-muted"> · {person.organisationName}</span>
                ) : null}
                <span className="workshop-muted">
                  {' · '}
                  <time dateTime={hand.raisedAt}>
                    {new Intl.DateTimeFormat(format.language, { timeStyle: 'short' }).format(
                      new Date(hand.raisedAt),
                    )}
                  </time>
                </span>
              </span>
              {facilitates && live && hand.userId !== userId ? (
                <button
                  type="button"
                  className="button button-quiet"
                  data-testid="lower-hand"
                  disabled={pending}
                  onClick={() =>
                    void run(() => session.control({ type: 'lowerHand', userId: hand.userId }))
                  }
                >
                  {t('workshopLive.hands.lower')}
                  <span className="visually-hidden">: {name}</span>
                </button>
              ) : null}
            </li>
          );
        })}
      </ol>
      {workshop.hands.length === 0 ? (
        <p className="empty-state">{t('workshopLive.hands.none')}</p>
      ) : null}
      {facilitates && live && workshop.hands.length > 0 ? (
        <button
          type="button"
          className="button"
          data-testid="call-next"
          disabled={pending}
          onClick={() => {
            const next =
              personOf(workshop, workshop.hands[0]!.userId)?.name ?? t('workshopLive.someone');
            void run(
              () => session.control({ type: 'callNext' }),
              t('workshopLive.hands.called', { name: next }),
            );
          }}
        >
          {t('workshopLive.hands.callNext')}
        </button>
      ) : null}
      <CommandError error={error} />
    </section>
  );
}
