import { WORKSHOP_LIMITS, POLL_SOURCE_ITEMS, type PollSourceItems } from '@polisee/domain';
import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { usePolls } from '../../../api/workshops';
import { useWorkshopErrorMessage } from '../../workshops/live/useCommand';
import { useBoardDocument, useBoardWorkshop, type BoardWorkshop } from './boardContext';
import { boardPolls, placedDots } from './dotBallot';
import { useDotBallot } from './useDotBallot';

/** A driver or scenario as a vote offers it: its id, and its name as shown on the board. */
export interface VoteItem {
  id: string;
  name: string;
}

interface BoardVotesProps {
  boardId: string;
  title: string;
  drivers: VoteItem[];
  scenarios: VoteItem[];
}

const DEFAULT_DOTS = 3;

/**
 * The board's dot votes (decision 0053). They are workshop polls: outside a live workshop's
 * page the board only says so. On it, facilitators open a vote on the drivers or the
 * scenarios from here (the options are the board's items under their own ids, checked by the
 * server against the document) and may close it; everyone sees its state, and places their
 * dots beside each item (ItemDots).
 */
export function BoardVotes(props: BoardVotesProps) {
  const { t } = useTranslation();
  const workshop = useBoardWorkshop();
  const document = useBoardDocument();
  const titleId = useId();
  const inWorkshop =
    workshop !== null &&
    document !== null &&
    workshop.workshop.documentIds.includes(document.documentId);

  return (
    <section className="foresight-votes" aria-labelledby={titleId} data-testid="board-votes">
      <p id={titleId} className="block-subheading">
        {t('foresight.votes.title')}
      </p>
      {!inWorkshop ? (
        <p className="muted">{t('foresight.votes.inWorkshop')}</p>
      ) : (
        <WorkshopVotes {...props} workshop={workshop} documentId={document.documentId} />
      )}
    </section>
  );
}

function WorkshopVotes({
  boardId,
  title,
  drivers,
  scenarios,
  workshop,
  documentId,
}: BoardVotesProps & { workshop: BoardWorkshop; documentId: string }) {
  const { t, i18n } = useTranslation();
  const dotsId = useId();
  const polls = usePolls(workshop.workshop.id).data ?? [];
  const workshopMessage = useWorkshopErrorMessage();
  const [dots, setDots] = useState(DEFAULT_DOTS);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  const live = workshop.workshop.status === 'live';
  const message = (code: string) =>
    i18n.exists(`foresight.errors.${code}`) ? t(`foresight.errors.${code}`) : workshopMessage(code);
  const itemsOf = (items: PollSourceItems) => (items === 'drivers' ? drivers : scenarios);

  const run = async (command: () => Promise<{ ok: true } | { ok: false; error: string }>) => {
    setPending(true);
    const result = await command();
    setPending(false);
    setError(result.ok ? null : message(result.error));
  };

  const open = (items: PollSourceItems) => {
    const list = itemsOf(items);
    return run(() =>
      workshop.session.openPoll({
        question: t(`foresight.votes.question_${items}`, {
          board: title || t('blocks.types.foresightBoard.name'),
        }),
        kind: 'dots',
        dots,
        anonymous: true,
        options: list.map((item) => item.name),
        source: { documentId, blockId: boardId, items, itemIds: list.map((item) => item.id) },
      }),
    );
  };

  if (!live) return <p className="muted">{t('foresight.votes.notLive')}</p>;

  return (
    <div className="foresight-votes-body">
      {POLL_SOURCE_ITEMS.map((items) => (
        <VoteState
          key={items}
          items={items}
          found={boardPolls(polls, boardId, items)}
          workshop={workshop}
          pending={pending}
          onClose={(pollId) => void run(() => workshop.session.closePoll(pollId))}
          onOpen={() => void open(items)}
          count={itemsOf(items).length}
        />
      ))}
      {workshop.facilitates ? (
        <label className="block-field" htmlFor={dotsId}>
          <span>{t('foresight.votes.dots')}</span>
          <input
            id={dotsId}
            type="number"
            className="block-input foresight-dots-input"
            min={1}
            max={WORKSHOP_LIMITS.dots}
            value={dots}
            onChange={(event) => {
              const value = Number(event.target.value);
              if (Number.isInteger(value))
                setDots(Math.min(Math.max(value, 1), WORKSHOP_LIMITS.dots));
            }}
          />
        </label>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </div>
  );
}

function VoteState({
  items,
  found,
  workshop,
  pending,
  count,
  onOpen,
  onClose,
}: {
  items: PollSourceItems;
  found: ReturnType<typeof boardPolls>;
  workshop: BoardWorkshop;
  pending: boolean;
  count: number;
  onOpen: () => void;
  onClose: (pollId: string) => void;
}) {
  const { t } = useTranslation();
  const message = useWorkshopErrorMessage();
  const { open, closed } = found;
  const ballot = useDotBallot(open, workshop.mayVote ? workshop.session.vote : null);
  const fits = count >= 2 && count <= WORKSHOP_LIMITS.pollOptions;

  return (
    <div
      className="foresight-vote"
      data-testid={`board-vote-${items}`}
      data-status={open ? 'open' : closed ? 'closed' : 'none'}
    >
      {open ? (
        <p role="status">
          {workshop.mayVote
            ? t(`foresight.votes.open_${items}`, {
                placed: placedDots(ballot.allocations),
                dots: open.dots ?? 0,
              })
            : t(`foresight.votes.watching_${items}`)}
        </p>
      ) : closed?.results ? (
        <p role="status">
          {t(`foresight.votes.closed_${items}`, { count: closed.results.voters })}
        </p>
      ) : null}
      {ballot.error ? (
        <p className="field-error" role="alert">
          {message(ballot.error)}
        </p>
      ) : null}
      {workshop.facilitates ? (
        open ? (
          <button
            type="button"
            className="button"
            disabled={pending}
            onClick={() => onClose(open.id)}
          >
            {t(`foresight.votes.close_${items}`)}
          </button>
        ) : (
          <>
            <button type="button" className="button" disabled={pending || !fits} onClick={onOpen}>
              {t(`foresight.votes.on_${items}`)}
            </button>
            {!fits ? (
              <p className="muted">
                {t(`foresight.votes.tooFew_${items}`, { max: WORKSHOP_LIMITS.pollOptions })}
              </p>
            ) : null}
          </>
        )
      ) : null}
    </div>
  );
}
