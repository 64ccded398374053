import { PASSWORD_POLICY, passwordLength } from '@polisee/domain';
import type { z } from 'zod';

/**
 * What a form that sets a password checks before asking the server: the policy's length, in
 * code points as the server counts it (a `too_short` with its limit), and that the repeat
 * matches (an `invalid_value` at the repeat; forms word it "The passwords do not match").
 * The server remains the authority on everything else (usePasswordProblems().fromError).
 */
export function checkNewPassword(
  password: string,
  repeat: string,
  paths: { password: string; repeat: string },
  ctx: z.RefinementCtx,
) {
  if (password !== '' && passwordLength(password) < PASSWORD_POLICY.minLength) {
    ctx.addIssue({
      code: 'too_small',
      origin: 'string',
      minimum: PASSWORD_POLICY.minLength,
      inclusive: true,
      input: password,
      path: [paths.password],
    });
  }
  if (repeat !== password) {
    ctx.addIssue({ code: 'custom', input: repeat, path: [paths.repeat], message: 'mismatch' });
  }
}
