import type { PresenceIdentity } from '@polisee/domain';

/** Someone connected to the document, however many tabs they have open. */
export interface PresentUser extends PresenceIdentity {
  isSelf: boolean;
  /** Awareness clients (tabs, devices) of this user. */
  connections: number;
}

/**
 * Awareness states come from other clients through the server, which overwrites `user` with
 * the session's identity; still, a state is only shown when it has that shape.
 */
export function isPresenceIdentity(value: unknown): value is PresenceIdentity {
  if (value === null || typeof value !== 'object') return false;
  const v = value as Record<string, unknown>;
  return (
    typeof v.id === 'string' &&
    v.id !== '' &&
    typeof v.name === 'string' &&
    typeof v.color === 'string' &&
    typeof v.organisation === 'string'
  );
}

/**
 * One entry per user from the awareness states: the same user in several tabs appears once.
 * The local user is always included (also while offline, when other states are dropped) and
 * comes first; the others follow by name.
 */
export function presentUsers(
  states: Iterable<[number, unknown]>,
  self: PresenceIdentity,
  locale?: string,
): PresentUser[] {
  const byId = new Map<string, PresentUser>();
  byId.set(self.id, { ...self, isSelf: true, connections: 0 });
  for (const [, state] of states) {
    const user = (state as { user?: unknown } | null)?.user;
    if (!isPresenceIdentity(user)) continue;
    const known = byId.get(user.id);
    if (known) {
      known.connections++;
      continue;
    }
    byId.set(user.id, {
      id: user.id,
      name: user.name,
      color: user.color,
      organisation: user.organisation,
      isSelf: false,
      connections: 1,
    });
  }
  const me = byId.get(self.id)!;
  if (me.connections === 0) me.connections = 1;
  const others = [...byId.values()]
    .filter((u) => !u.isSelf)
    .sort((a, b) => a.name.localeCompare(b.name, locale) || a.id.localeCompare(b.id));
  return [me, ...others];
}

/** A key that changes only when the list as shown changes (cursor moves do not). */
export function presenceKey(users: PresentUser[]): string {
  return JSON.stringify(
    users.map((u) => [u.id, u.name, u.color, u.organisation, u.isSelf, u.connections]),
  );
}

/** "Ana Maria Popescu" → "AP", "Ζωή" → "Ζ": first and last word, whole characters. */
export function initialsOf(name: string, locale?: string): string {
  const words = name.trim().split(/\s+/u).filter(Boolean);
  if (words.length === 0) return '?';
  const first = Array.from(words[0]!)[0] ?? '';
  const last = words.length > 1 ? (Array.from(words.at(-1)!)[0] ?? '') : '';
  return (first + last).toLocaleUpperCase(locale);
}
