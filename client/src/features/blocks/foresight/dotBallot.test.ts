import type { PollView } from '@polisee/contracts';
import { describe, expect, it } from 'vitest';
import { boardPolls, changeDots, dotsOn, placedDots } from './dotBallot';

const poll = { dots: 3, maxDotsPerOption: 2 };

describe('placing dots', () => {
  it('adds dots up to the cap on one option and the total', () => {
    let ballot = changeDots(poll, [], 'a', 1)!;
    expect(ballot).toEqual([{ optionId: 'a', value: 1 }]);
    ballot = changeDots(poll, ballot, 'a', 1)!;
    expect(dotsOn(ballot, 'a')).toBe(2);
    expect(changeDots(poll, ballot, 'a', 1)).toBeNull();
    ballot = changeDots(poll, ballot, 'b', 1)!;
    expect(placedDots(ballot)).toBe(3);
    expect(changeDots(poll, ballot, 'c', 1)).toBeNull();
    expect(
      changeDots({ dots: 3, maxDotsPerOption: null }, [{ optionId: 'a', value: 2 }], 'a', 1),
    ).toEqual([{ optionId: 'a', value: 3 }]);
  });

  it('takes dots back, never below none on an option nor the last of the ballot', () => {
    const ballot = [
      { optionId: 'a', value: 1 },
      { optionId: 'b', value: 1 },
    ];
    expect(changeDots(poll, ballot, 'a', -1)).toEqual([{ optionId: 'b', value: 1 }]);
    expect(changeDots(poll, ballot, 'c', -1)).toBeNull();
    expect(changeDots(poll, [{ optionId: 'b', value: 1 }], 'b', -1)).toBeNull();
  });
});

describe("a board's polls", () => {
  const view = (
    id: string,
    blockId: string,
    items: string,
    status: string,
    closedAt: string | null = null,
  ) =>
    ({ id, status, closedAt, source: { documentId: 'd', blockId, items } }) as unknown as PollView;

  it('finds the open one and the last closed one of the board and kind', () => {
    const polls = [
      view('old', 'board', 'drivers', 'closed', '2030-01-01T10:00:00.000Z'),
      view('last', 'board', 'drivers', 'closed', '2030-01-01T11:00:00.000Z'),
      view('now', 'board', 'drivers', 'open'),
      view('scen', 'board', 'scenarios', 'open'),
      view('other', 'other-board', 'drivers', 'open'),
      { id: 'typed', status: 'open', source: null } as unknown as PollView,
    ];
    const found = boardPolls(polls, 'board', 'drivers');
    expect(found.open?.id).toBe('now');
    expect(found.closed?.id).toBe('last');
    expect(boardPolls(polls, 'none', 'drivers')).toEqual({ open: null, closed: null });
  });
});
