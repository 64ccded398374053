import { describe, expect, it } from 'vitest';
import { withFirstCalled, withHandLowered, withHandRaised } from './hands.js';

const at = (minute: number) => new Date(Date.UTC(2026, 0, 1, 9, minute)).toISOString();

describe('the hand queue', () => {
  it('queues hands in the order raised, and a second raise keeps the first place', () => {
    const one = withHandRaised([], 'ana', at(1))!;
    const two = withHandRaised(one, 'ben', at(2))!;
    expect(two.map((h) => h.userId)).toEqual(['ana', 'ben']);
    expect(withHandRaised(two, 'ana', at(3))).toBeNull();
  });

  it('lowers one hand wherever it stands; lowering a hand not raised changes nothing', () => {
    const hands = [
      { userId: 'ana', raisedAt: at(1) },
      { userId: 'ben', raisedAt: at(2) },
      { userId: 'cy', raisedAt: at(3) },
    ];
    expect(withHandLowered(hands, 'ben')!.map((h) => h.userId)).toEqual(['ana', 'cy']);
    expect(withHandLowered(hands, 'dee')).toBeNull();
  });

  it('calls on the first in the queue; an empty queue has no one to call', () => {
    const hands = [
      { userId: 'ana', raisedAt: at(1) },
      { userId: 'ben', raisedAt: at(2) },
    ];
    expect(withFirstCalled(hands)!.map((h) => h.userId)).toEqual(['ben']);
    expect(withFirstCalled([])).toBeNull();
  });
});
