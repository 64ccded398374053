import type { PollSourceItems } from '@polisee/domain';
import { useTranslation } from 'react-i18next';
import { usePolls } from '../../../api/workshops';
import { useBoardWorkshop } from './boardContext';
import { boardPolls, changeDots, dotsOn } from './dotBallot';
import { useDotBallot } from './useDotBallot';

interface ItemDotsProps {
  boardId: string;
  items: PollSourceItems;
  itemId: string;
  /** The driver's or scenario's name as shown. */
  name: string;
}

/**
 * A driver's or scenario's dots, on a live workshop's page only: while the board's vote is
 * open, this voter's own dots with − and + (nobody else's: the tally stays on the server until
 * close); once closed, the count the tally gives. Nothing outside a workshop.
 */
export function ItemDots(props: ItemDotsProps) {
  const workshop = useBoardWorkshop();
  if (!workshop) return null;
  return <WorkshopItemDots {...props} workshopId={workshop.workshop.id} />;
}

function WorkshopItemDots({
  boardId,
  items,
  itemId,
  name,
  workshopId,
}: ItemDotsProps & { workshopId: string }) {
  const { t } = useTranslation();
  const context = useBoardWorkshop()!;
  const polls = usePolls(workshopId);
  const { open, closed } = boardPolls(polls.data ?? [], boardId, items);
  const live = context.workshop.status === 'live';
  const ballot = useDotBallot(open, live && context.mayVote ? context.session.vote : null);

  if (open && open.options.some((o) => o.id === itemId)) {
    if (!context.mayVote || !live) return null;
    const mine = dotsOn(ballot.allocations, itemId);
    return (
      <span className="foresight-dots" data-testid="item-dots" data-dots={mine}>
        <button
          type="button"
          className="button button-quiet foresight-dot-button"
          aria-label={t('foresight.votes.removeDot', { name })}
          title={t('foresight.votes.keepOne')}
          disabled={changeDots(open, ballot.allocations, itemId, -1) === null}
          onClick={() => ballot.change(itemId, -1)}
        >
          −
        </button>
        <span className="foresight-dot-count" aria-live="polite">
          {t('foresight.votes.yours', { count: mine })}
        </span>
        <button
          type="button"
          className="button button-quiet foresight-dot-button"
          aria-label={t('foresight.votes.addDot', { name })}
          disabled={changeDots(open, ballot.allocations, itemId, 1) === null}
          onClick={() => ballot.change(itemId, 1)}
        >
          +
        </button>
      </span>
    );
  }
  if (!open && closed?.results) {
    const result = closed.results.options.find((o) => o.optionId === itemId);
    // An item added after the vote was not in it: it has no count, not a zero.
    if (!result) return null;
    return (
      <span
        className="foresight-dots foresight-dots-result"
        data-testid="item-dot-count"
        data-count={result.total}
      >
        <span className="visually-hidden">
          {t('foresight.votes.countOf', { name, count: result.total })}
        </span>
        <span aria-hidden="true">{t('foresight.votes.count', { count: result.total })}</span>
      </span>
    );
  }
  return null;
}
