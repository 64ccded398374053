import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  UpdateProfileRequestSchema,
} from '@polisee/contracts';
import { AppError } from '@polisee/domain';
import { Router, type Request } from 'express';
import { ipKeyGenerator, rateLimit } from 'express-rate-limit';
import { authenticate } from '../../services/authenticate.js';
import { changePassword } from '../../services/changePassword.js';
import type { ServiceContext } from '../../services/context.js';
import { getSessionInfo } from '../../services/loadActor.js';
import { updateProfile } from '../../services/updateProfile.js';
import { actorOf, requireActor } from '../middleware/auth.js';
import { parseInput } from '../middleware/validate.js';

/** Replaces the session id (defeats fixation) and stores the user in the new session. */
export function signIn(req: Request, userId: string): Promise<void> {
  return new Promise((resolve, reject) => {
    req.session.regenerate((err) => {
      if (err) return reject(err as Error);
      req.session.userId = userId;
      req.session.save((saveErr) => (saveErr ? reject(saveErr as Error) : resolve()));
    });
  });
}

export function authRouter(ctx: ServiceContext, options: { loginRateLimit: number }) {
  const router = Router();

  // Failed logins are limited per client address and email: a password-guessing run stops,
  // while a whole workshop room behind one NAT can still sign in (successes are not counted).
  const loginLimiter = rateLimit({
    windowMs: 15 * 60 * 1000,
    limit: options.loginRateLimit,
    skipSuccessfulRequests: true,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    keyGenerator: (req) => {
      const email = typeof req.body?.email === 'string' ? req.body.email.trim().toLowerCase() : '';
      return `${ipKeyGenerator(req.ip ?? '')}|${email}`;
    },
    handler: (_req, _res, next) =>
      next(
        new AppError(
          'rate_limited',
          'Too many failed sign-in attempts. Try again in a few minutes.',
        ),
      ),
  });

  router.post('/auth/login', loginLimiter, async (req, res) => {
    const body = parseInput(LoginRequestSchema, req.body, 'body');
    const actor = await authenticate(ctx, body);
    await signIn(req, actor.user.id);
    res.json(await getSessionInfo(ctx, actor));
  });

  router.post('/auth/logout', (req, res, next) => {
    req.session.destroy((err) => {
      if (err) return next(err);
      res.clearCookie('polisee.sid');
      res.status(204).end();
    });
  });

  router.get('/auth/me', requireActor, async (_req, res) => {
    res.json(await getSessionInfo(ctx, actorOf(res)));
  });

  router.post('/auth/password', requireActor, async (req, res) => {
    const actor = actorOf(res);
    await changePassword(ctx, actor, parseInput(ChangePasswordRequestSchema, req.body, 'body'));
    await signIn(req, actor.user.id);
    await ctx.store.sessions.destroyForUser(actor.user.id, req.sessionID);
    res.status(204).end();
  });

  router.patch('/me', requireActor, async (req, res) => {
    const body = parseInput(UpdateProfileRequestSchema, req.body, 'body');
    const actor = await updateProfile(ctx, actorOf(res), body);
    res.json(await getSessionInfo(ctx, actor));
  });

  return router;
}
