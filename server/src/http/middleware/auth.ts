import { AppError } from '@polisee/domain';
import type { RequestHandler, Response } from 'express';
import type { ServiceContext } from '../../services/context.js';
import { loadActor, type AuthenticatedActor } from '../../services/loadActor.js';

declare module 'express-session' {
  interface SessionData {
    userId: string;
  }
}

/** Loads the signed-in actor (fresh memberships on every request) into `res.locals.actor`. */
export function loadSessionActor(ctx: ServiceContext): RequestHandler {
  return async (req, res, next) => {
    const userId = req.session?.userId;
    if (userId) {
      const actor = await loadActor(ctx, userId);
      if (actor) res.locals.actor = actor;
    }
    next();
  };
}

export const requireActor: RequestHandler = (_req, res, next) => {
  if (!res.locals.actor) return next(new AppError('unauthenticated', 'Please sign in.'));
  next();
};

export function actorOf(res: Response): AuthenticatedActor {
  const actor = res.locals.actor as AuthenticatedActor | undefined;
  if (!actor) throw new AppError('unauthenticated', 'Please sign in.');
  return actor;
}
