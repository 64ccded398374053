/**
 * Cursor and avatar colours: dark enough for white text (WCAG AA on #fff) and distinct from each
 * other. A user's colour is derived from their id, so every client and the server agree on it.
 */
export const PRESENCE_COLORS = [
  '#1d4ed8',
  '#b91c1c',
  '#047857',
  '#7c3aed',
  '#b45309',
  '#0e7490',
  '#be185d',
  '#4d7c0f',
  '#9333ea',
  '#c2410c',
  '#0f766e',
  '#6d28d9',
] as const;

export function presenceColor(userId: string): string {
  let hash = 0;
  for (let i = 0; i < userId.length; i++) hash = (hash * 31 + userId.charCodeAt(i)) >>> 0;
  return PRESENCE_COLORS[hash % PRESENCE_COLORS.length]!;
}

/** What the server puts into every awareness state under `user`: set from the session, never trusted from the client. */
export interface PresenceIdentity {
  id: string;
  name: string;
  color: string;
  organisation: string;
}

/** The identity a signed-in user shows in a document: the same one the server will stamp. */
export function presenceIdentity(
  user: { id: string; name: string },
  organisation: { name: string },
): PresenceIdentity {
  return {
    id: user.id,
    name: user.name,
    color: presenceColor(user.id),
    organisation: organisation.name,
  };
}
