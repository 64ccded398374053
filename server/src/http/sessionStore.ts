import session from 'express-session';
import type { SessionRepo } from '../store/ports.js';

/** Two weeks: long enough to span the gap between two workshops. */
export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;

/**
 * express-session store over the store port, so sessions live in whichever database the
 * workspace uses and survive restarts. The user id is kept in its own column so that a
 * password change can end every other session of that user.
 */
export class PortSessionStore extends session.Store {
  constructor(private readonly repo: SessionRepo) {
    super();
  }

  override get(sid: string, cb: (err: unknown, session?: session.SessionData | null) => void) {
    this.repo.get(sid, Date.now()).then(
      (rec) => cb(null, rec ? (JSON.parse(rec.data) as session.SessionData) : null),
      (err: unknown) => cb(err),
    );
  }

  override set(sid: string, data: session.SessionData, cb?: (err?: unknown) => void) {
    this.repo
      .set({
        sid,
        userId: data.userId ?? null,
        data: JSON.stringify(data),
        expiresAt: expiryOf(data),
      })
      .then(
        () => cb?.(),
        (err: unknown) => cb?.(err),
      );
  }

  override touch(sid: string, data: session.SessionData, cb?: (err?: unknown) => void) {
    this.repo.touch(sid, expiryOf(data)).then(
      () => cb?.(),
      (err: unknown) => cb?.(err),
    );
  }

  override destroy(sid: string, cb?: (err?: unknown) => void) {
    this.repo.destroy(sid).then(
      () => cb?.(),
      (err: unknown) => cb?.(err),
    );
  }
}

function expiryOf(data: session.SessionData): number {
  const expires = data.cookie?.expires;
  return expires ? new Date(expires).getTime() : Date.now() + SESSION_TTL_MS;
}
