import type { RaisedHand } from '@polisee/domain';

/**
 * The hand queue's rules, one place for the participant's own hand and the facilitator's
 * controls. Each returns null when nothing changes, so a repeat (a double click, a second tab,
 * two facilitators at once) writes nothing.
 */

/** Raised at the end of the queue; raising again keeps the place rather than moving back. */
export function withHandRaised(
  hands: RaisedHand[],
  userId: string,
  at: string,
): RaisedHand[] | null {
  if (hands.some((h) => h.userId === userId)) return null;
  return [...hands, { userId, raisedAt: at }];
}

export function withHandLowered(hands: RaisedHand[], userId: string): RaisedHand[] | null {
  if (!hands.some((h) => h.userId === userId)) return null;
  return hands.filter((h) => h.userId !== userId);
}

/** The facilitator calls on the first in the queue: their hand goes down. */
export function withFirstCalled(hands: RaisedHand[]): RaisedHand[] | null {
  return hands.length === 0 ? null : hands.slice(1);
}
