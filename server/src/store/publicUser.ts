import type { User } from '@polisee/domain';
import type { StoredUser } from './ports.js';

/** Drops the password hash: the only way a stored user leaves the store layer towards an edge. */
export function publicUser(u: StoredUser): User {
  const { passwordHash: _omit, ...user } = u;
  return user;
}
