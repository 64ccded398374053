import type { PollView } from '@polisee/contracts';
import type { BallotAllocation, PollSourceItems } from '@polisee/domain';

/** The dots a ballot gives one option. */
export function dotsOn(allocations: readonly BallotAllocation[], optionId: string): number {
  return allocations.find((a) => a.optionId === optionId)?.value ?? 0;
}

/** All the dots a ballot places. */
export function placedDots(allocations: readonly BallotAllocation[]): number {
  return allocations.reduce((sum, a) => sum + a.value, 0);
}

/**
 * The ballot with one dot more (+1) or less (−1) on an option, under the poll's rules as the
 * server enforces them; null when the change is not allowed: no dot left to place, the cap on
 * one option reached, no dot there to take, or the last dot of the ballot (the server refuses
 * an empty ballot, and a ballot once cast stays cast).
 */
export function changeDots(
  poll: Pick<PollView, 'dots' | 'maxDotsPerOption'>,
  allocations: readonly BallotAllocation[],
  optionId: string,
  delta: 1 | -1,
): BallotAllocation[] | null {
  const current = dotsOn(allocations, optionId);
  const next = current + delta;
  if (next < 0) return null;
  if (delta > 0 && placedDots(allocations) >= (poll.dots ?? 0)) return null;
  if (delta > 0 && poll.maxDotsPerOption !== null && next > poll.maxDotsPerOption) return null;
  if (delta < 0 && placedDots(allocations) <= 1) return null;
  const others = allocations.filter((a) => a.optionId !== optionId);
  return next === 0 ? others : [...others, { optionId, value: next }];
}

/**
 * The board's polls on one kind of item: the open one (a board has one at a time per kind, as
 * facilitators open them from the board) and the last one closed, whose counts the board shows
 * until another opens.
 */
export function boardPolls(
  polls: readonly PollView[],
  blockId: string,
  items: PollSourceItems,
): { open: PollView | null; closed: PollView | null } {
  const mine = polls.filter((p) => p.source?.blockId === blockId && p.source.items === items);
  const open = mine.filter((p) => p.status === 'open').at(-1) ?? null;
  const closed =
    mine
      .filter((p) => p.status === 'closed')
      .sort((a, b) => (a.closedAt ?? '').localeCompare(b.closedAt ?? ''))
      .at(-1) ?? null;
  return { open, closed };
}
