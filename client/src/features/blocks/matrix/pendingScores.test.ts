import { describe, expect, it } from 'vitest';
import {
  cellKey,
  inOrder,
  parseQueue,
  withoutSent,
  withPending,
  type PendingScore,
} from './pendingScores';

const entry = (over: Partial<PendingScore> = {}): PendingScore => ({
  rowId: 'row1',
  criterionId: 'crit1',
  score: 3,
  rationale: null,
  at: 1000,
  ...over,
});

describe('pending scores', () => {
  it('keeps one value per cell: the last one chosen wins', () => {
    let queue = withPending({}, entry({ score: 2, at: 1 }));
    queue = withPending(queue, entry({ score: 4, at: 2 }));
    queue = withPending(queue, entry({ criterionId: 'crit2', score: 5, at: 3 }));
    expect(Object.keys(queue)).toHaveLength(2);
    expect(queue[cellKey(entry())]?.score).toBe(4);
  });

  it('ignores a choice older than the one queued (another tab wrote later)', () => {
    const queue = withPending({}, entry({ score: 4, at: 20 }));
    expect(withPending(queue, entry({ score: 1, at: 10 }))[cellKey(entry())]?.score).toBe(4);
  });

  it('keeps a withdrawal as a value of its own', () => {
    const queue = withPending(withPending({}, entry({ at: 1 })), entry({ score: null, at: 2 }));
    expect(queue[cellKey(entry())]?.score).toBeNull();
  });

  it('forgets a sent value, but not a revision made while it was on its way', () => {
    const sent = entry({ score: 2, at: 1 });
    const revised = entry({ score: 5, at: 2 });
    const queue = withPending(withPending({}, sent), revised);
    expect(withoutSent(queue, sent)[cellKey(sent)]?.score).toBe(5);
    expect(withoutSent(queue, revised)).toEqual({});
  });

  it('sends the oldest choice first', () => {
    let queue = withPending({}, entry({ criterionId: 'b', at: 9 }));
    queue = withPending(queue, entry({ criterionId: 'a', at: 3 }));
    expect(inOrder(queue).map((e) => e.criterionId)).toEqual(['a', 'b']);
  });

  it('reads an unreadable stored queue as empty', () => {
    expect(parseQueue(null)).toEqual({});
    expect(parseQueue('{not json')).toEqual({});
    expect(parseQueue(JSON.stringify({ x: { score: 9 } }))).toEqual({});
    const stored = withPending({}, entry());
    expect(parseQueue(JSON.stringify(stored))).toEqual(stored);
  });
});
