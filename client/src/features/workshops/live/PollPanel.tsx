import type { PollView, WorkshopView } from '@polisee/contracts';
import { useTranslation } from 'react-i18next';
import { usePolls } from '../../../api/workshops';
import type { WorkshopSession } from '../../../realtime/useWorkshopSession';
import { ErrorAlert } from '../../../ui/ErrorAlert';
import { CommandError } from './CommandError';
import { formatCountdown, msUntil } from './countdown';
import { PollBallot } from './PollBallot';
import { PollForm } from './PollForm';
import { PollResults } from './PollResults';
import { useCommand } from './useCommand';
import { useNow } from './useNow';

interface PollPanelProps {
  workshop: WorkshopView;
  session: WorkshopSession;
  facilitates: boolean;
  mayVote: boolean;
}

/** The workshop's polls, newest first; facilitators open and close them. */
export function PollPanel({ workshop, session, facilitates, mayVote }: PollPanelProps) {
  const { t } = useTranslation();
  const polls = usePolls(workshop.id);
  const live = workshop.status === 'live';
  const items = [...(polls.data ?? [])].reverse();

  return (
    <section className="card workshop-panel" aria-labelledby="workshop-polls-title">
      <h2 id="workshop-polls-title">{t('workshopLive.polls.title')}</h2>
      {facilitates && live ? <PollForm workshop={workshop} session={session} /> : null}
      {polls.isError ? (
        <ErrorAlert error={polls.error} context={t('workshopLive.polls.loadFailed')} />
      ) : null}
      {polls.isSuccess && items.length === 0 ? (
        <p className="empty-state">{t('workshopLive.polls.none')}</p>
      ) : null}
      <ul className="workshop-polls">
        {items.map((poll) => (
          <li key={poll.id}>
            <PollCard
              poll={poll}
              workshop={workshop}
              session={session}
              facilitates={facilitates && live}
              mayVote={mayVote && live}
            />
          </li>
        ))}
      </ul>
    </section>
  );
}

function PollCard({
  poll,
  workshop,
  session,
  facilitates,
  mayVote,
}: {
  poll: PollView;
  workshop: WorkshopView;
  session: WorkshopSession;
  facilitates: boolean;
  mayVote: boolean;
}) {
  const { t } = useTranslation();
  const { run, error, pending } = useCommand();
  const open = poll.status === 'open';
  const now = useNow(open && poll.closesAt !== null, 500);
  const settings = [
    t(`workshopLive.pollKinds.${poll.kind}`),
    poll.anonymous ? t('workshopLive.polls.anonymous') : t('workshopLive.polls.named'),
    poll.kind === 'dots' && poll.dots !== null
      ? t('workshopLive.polls.dotsEach', { count: poll.dots })
      : null,
    poll.kind === 'dots' && poll.maxDotsPerOption !== null
      ? t('workshopLive.polls.cap', { count: poll.maxDotsPerOption })
      : null,
    poll.showLive ? t('workshopLive.polls.shownLive') : null,
  ].filter(Boolean);

  return (
    <article
      className="workshop-poll"
      data-testid="poll"
      data-poll-id={poll.id}
      data-status={poll.status}
      aria-labelledby={`poll-${poll.id}-question`}
    >
      <h3 id={`poll-${poll.id}-question`}>{poll.question}</h3>
      <p className="workshop-muted">
        <span className={`badge workshop-poll-status-${poll.status}`}>
          {t(`workshopLive.polls.status.${poll.status}`)}
        </span>{' '}
        {settings.join(' · ')}
      </p>
      {open && poll.closesAt ? (
        <p className="workshop-poll-deadline" data-testid="poll-countdown">
          {t('workshopLive.polls.closesIn', {
            time: formatCountdown(msUntil(poll.closesAt, now + session.offsetMs)),
          })}
        </p>
      ) : null}
      {open && mayVote ? <PollBallot poll={poll} session={session} /> : null}
      {open && !mayVote && poll.yourBallot === null ? (
        <p className="workshop-muted">{t('workshopLive.polls.mayNotVote')}</p>
      ) : null}
      {poll.results ? (
        <PollResults poll={poll} workshop={workshop} />
      ) : open ? (
        <p className="workshop-muted" data-testid="results-hidden">
          {t('workshopLive.polls.hiddenUntilClose')}
        </p>
      ) : null}
      {open && facilitates ? (
        <button
          type="button"
          className="button"
          data-testid="close-poll"
          disabled={pending}
          onClick={() => void run(() => session.closePoll(poll.id), t('workshopLive.polls.closed'))}
        >
          {t('workshopLive.polls.close')}
        </button>
      ) : null}
      <CommandError error={error} />
    </article>
  );
}
