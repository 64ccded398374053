import {
  ChangePasswordRequestSchema,
  LoginRequestSchema,
  UpdateProfileRequestSchema,
} from '@polisee/contracts';
import { Router, type Request } from 'express';
import { ipKeyGenerator } from 'express-rate-limit';
import { recordSignIn } from '../../audit/recordSignIn.js';
import { authenticate } from '../../services/authenticate.js';
import { changePassword } from '../../services/changePassword.js';
import type { ServiceContext } from '../../services/context.js';
import { endSession, endUserSessions } from '../../services/endSessions.js';
import type { LoginLimits } from '../../services/limits/loginLimits.js';
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

export function authRouter(ctx: ServiceContext, options: { loginLimits: LoginLimits }) {
  const router = Router();

  router.post('/auth/login', async (req, res) => {
    // Malformed bodies are refused before counting: they cannot guess anything.
    const body = parseInput(LoginRequestSchema, req.body, 'body');
    // `req.ip` is the peer unless it is a proxy named in TRUST_PROXY. An IPv6 client is counted
    // by its /56, the block one customer gets, so it cannot rotate through its own addresses.
    const attempt = await options.loginLimits.begin(body.email, ipKeyGenerator(req.ip ?? ''));
    const actor = await authenticate(ctx, body).catch(async (err: unknown) => {
      await recordSignIn(ctx, { email: body.email, userId: null, succeeded: false });
      throw err;
    });
    await attempt.succeeded();
    await signIn(req, actor.user.id);
    await recordSignIn(ctx, { email: body.email, userId: actor.user.id, succeeded: true });
    res.json(await getSessionInfo(ctx, actor));
  });

  router.post('/auth/logout', async (req, res) => {
    const userId = req.session.userId;
    if (userId) await endSession(ctx, { userId, sessionId: req.sessionID });
    // express-session must forget it too, or it would touch the deleted row as the response ends.
    await new Promise<void>((resolve, reject) =>
      req.session.destroy((err) => (err ? reject(err as Error) : resolve())),
    );
    res.clearCookie('polisee.sid');
    res.status(204).end();
  });

  router.get('/auth/me', requireActor, async (_req, res) => {
    res.json(await getSessionInfo(ctx, actorOf(res)));
  });

  router.post('/auth/password', requireActor, async (req, res) => {
    const actor = actorOf(res);
    await changePassword(ctx, actor, parseInput(ChangePasswordRequestSchema, req.body, 'body'));
    await signIn(req, actor.user.id);
    // Every other session ends, with its live connections; this one continues under the new id.
    await endUserSessions(ctx, actor.user.id, {
      reason: 'password_changed',
      exceptSessionId: req.sessionID,
    });
    res.status(204).end();
  });

  router.patch('/me', requireActor, async (req, res) => {
    const body = parseInput(UpdateProfileRequestSchema, req.body, 'body');
    const actor = await updateProfile(ctx, actorOf(res), body);
    res.json(await getSessionInfo(ctx, actor));
  });

  return router;
}
