import { describe, expect, it } from 'vitest';
import { signoffStatus, type SignoffAnswer, type SignoffAnswerKind } from './signoffs.js';

const answer = (organisationId: string, kind: SignoffAnswerKind): SignoffAnswer => ({
  organisationId,
  userId: `u-${organisationId}`,
  answer: kind,
  text: kind === 'consent' ? '' : 'because',
  answeredAt: '2026-01-01T00:00:00.000Z',
});
const request = (required: number, answers: SignoffAnswer[], over = {}) => ({
  organisationIds: ['a', 'b', 'c'],
  required,
  answers,
  withdrawnAt: null,
  lapsedAt: null,
  ...over,
});

describe('signoffStatus', () => {
  it('under "all": signed off when every organisation consented, objected at the first objection', () => {
    expect(signoffStatus(request(3, [answer('a', 'consent')]))).toBe('pending');
    expect(
      signoffStatus(
        request(3, [
          answer('a', 'consent'),
          answer('b', 'consent_with_reservations'),
          answer('c', 'consent'),
        ]),
      ),
    ).toBe('signed_off');
    expect(signoffStatus(request(3, [answer('a', 'object')]))).toBe('objected');
  });

  it('under 2 of 3: one objection leaves the quorum reachable, two do not', () => {
    expect(signoffStatus(request(2, [answer('a', 'object')]))).toBe('pending');
    expect(signoffStatus(request(2, [answer('a', 'object'), answer('b', 'consent')]))).toBe(
      'pending',
    );
    expect(
      signoffStatus(
        request(2, [answer('a', 'object'), answer('b', 'consent'), answer('c', 'consent')]),
      ),
    ).toBe('signed_off');
    expect(signoffStatus(request(2, [answer('a', 'object'), answer('b', 'object')]))).toBe(
      'objected',
    );
  });

  it('lets a withdrawal or a lapse win over the answers', () => {
    const all = [answer('a', 'consent'), answer('b', 'consent'), answer('c', 'consent')];
    expect(signoffStatus(request(3, all, { lapsedAt: '2026-01-02T00:00:00.000Z' }))).toBe('lapsed');
    expect(signoffStatus(request(3, [], { withdrawnAt: '2026-01-02T00:00:00.000Z' }))).toBe(
      'withdrawn',
    );
  });
});
