import type { PresenceIdentity } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { initialsOf, presenceKey, presentUsers } from './presence';

function buildIdentity(overrides: Partial<PresenceIdentity> = {}): PresenceIdentity {
  return {
    id: 'u1',
    name: 'Ana Popescu',
    color: '#1d4ed8',
    organisation: 'ADR Nord-Est',
    ...overrides,
  };
}

describe('presentUsers', () => {
  const me = buildIdentity();
  const zoe = buildIdentity({ id: 'u2', name: 'Zoë Nagy', organisation: 'HIPA' });
  const bora = buildIdentity({ id: 'u3', name: 'Bora Hoxha', organisation: 'AIDA' });

  it('lists each user once, however many tabs they have, with yourself first', () => {
    const users = presentUsers(
      [
        [1, { user: zoe, cursor: null }],
        [2, { user: me }],
        [3, { user: zoe }],
        [4, { user: bora }],
        [5, { user: me }],
      ],
      me,
    );
    expect(users.map((u) => [u.id, u.isSelf, u.connections])).toEqual([
      ['u1', true, 2],
      ['u3', false, 1],
      ['u2', false, 2],
    ]);
  });

  it('always includes yourself, also with no awareness states (offline)', () => {
    expect(presentUsers([], me)).toEqual([{ ...me, isSelf: true, connections: 1 }]);
  });

  it('ignores states without a well-formed user', () => {
    const users = presentUsers(
      [
        [1, null],
        [2, { cursor: {} }],
        [3, { user: { id: 'u9', name: 'No colour' } }],
        [4, { user: 'u2' }],
      ],
      me,
    );
    expect(users.map((u) => u.id)).toEqual(['u1']);
  });

  it('keeps the same key when only cursors move', () => {
    const a = presentUsers([[1, { user: zoe, cursor: { anchor: 1 } }]], me);
    const b = presentUsers([[1, { user: zoe, cursor: { anchor: 7 } }]], me);
    expect(presenceKey(a)).toBe(presenceKey(b));
    const c = presentUsers([[1, { user: { ...zoe, name: 'Zoë N.' } }]], me);
    expect(presenceKey(c)).not.toBe(presenceKey(a));
  });
});

describe('initialsOf', () => {
  it('takes the first letters of the first and last word', () => {
    expect(initialsOf('Ana Maria Popescu')).toBe('AP');
    expect(initialsOf('  bora  ')).toBe('B');
    expect(initialsOf('Ζωή Παπαδοπούλου', 'el')).toBe('ΖΠ');
    expect(initialsOf('Ívan Đorđević')).toBe('ÍĐ');
    expect(initialsOf('')).toBe('?');
  });
});
