import { randomBytes } from 'node:crypto';
import { AppError, PASSWORD_POLICY, type PasswordWeakness } from '@polisee/domain';
import { Piscina } from 'piscina';
import { workerFile } from '../threads/workerFile.js';
import type { ServiceContext } from './context.js';
import type { PasswordOwner } from './passwordStrength.js';

export type { PasswordOwner } from './passwordStrength.js';

/**
 * The password policy (docs/decisions/0036-password-policy.md), applied wherever a password is
 * set: accepting an invitation, changing a password, admin:create, a configured demo password.
 * After NIST SP 800-63B: a minimum length, no composition rules, and a refusal of what attackers
 * try first — common and breached passwords, predictable patterns, and the person's own email,
 * name and organisation — which zxcvbn estimates as a number of guesses (passwordStrength.ts).
 */

/**
 * The estimate runs in a worker thread, started on the first password set and gone 10 s after
 * the last, long enough for a second try after a refusal (decision 0101). On the event loop, the
 * first estimate ranked the word lists for 271 ms and each one after took 6–99 ms, holding every
 * live room's fan-out; the ranked lists (~23 MB) then stayed in the heap for good.
 */
/** How long the estimate's thread outlives its last estimate. */
export const PASSWORD_THREAD_IDLE_MS = 10_000;
let estimates: Piscina | undefined;
function estimateThread(): Piscina {
  estimates ??= new Piscina({
    ...workerFile(import.meta.url, { source: 'passwordStrength', bundled: 'password-worker' }),
    minThreads: 0,
    maxThreads: 1,
    idleTimeout: PASSWORD_THREAD_IDLE_MS,
  });
  return estimates;
}

/** Why the password may not be set for each owner (null: it may), in the owners' order. */
export async function passwordWeaknesses(
  password: string,
  owners: PasswordOwner[],
): Promise<(PasswordWeakness | null)[]> {
  return (await estimateThread().run({ password, owners })) as (PasswordWeakness | null)[];
}

/** Why the password may not be set for this owner, or null when it may. */
export async function passwordWeakness(
  password: string,
  owner: PasswordOwner,
): Promise<PasswordWeakness | null> {
  const [weakness = null] = await passwordWeaknesses(password, [owner]);
  return weakness;
}

/** Messages safe to show (the client shows its own translation of the reason). */
const MESSAGES: Record<PasswordWeakness, string> = {
  too_short: `The password is too short: use at least ${PASSWORD_POLICY.minLength} characters.`,
  common: 'The password is a common one, or too close to one.',
  predictable:
    'The password is a predictable pattern (repeated characters, a sequence, a keyboard row or a date).',
  contains_email: 'The password contains your email address or a part of it.',
  contains_name: 'The password contains your name or a part of it.',
  contains_organisation: "The password is based on your organisation's name.",
  guessable:
    'The password is too easy to guess: make it longer, for example with a few unrelated words.',
};

/** Throws `password_too_weak`, with the reason, unless the policy allows the password. */
export async function assertStrongPassword(password: string, owner: PasswordOwner): Promise<void> {
  const weakness = await passwordWeakness(password, owner);
  if (weakness) throw new AppError('password_too_weak', MESSAGES[weakness], undefined, weakness);
}

/** The same for a user by organisation id (the services that set passwords hold an id, not a name). */
export async function assertStrongPasswordFor(
  ctx: ServiceContext,
  password: string,
  owner: { email: string; name: string; organisationId: string },
): Promise<void> {
  const organisation = await ctx.store.organisations.get(owner.organisationId);
  await assertStrongPassword(password, { ...owner, organisation: organisation?.name });
}

/**
 * A random password that passes the policy for every given owner (shown once, to be changed).
 * 16 base64url characters are ~96 bits; the check still runs, because a random string can
 * spell a name.
 */
export async function generatePassword(owners: PasswordOwner[]): Promise<string> {
  for (let attempt = 0; attempt < 20; attempt++) {
    const password = randomBytes(12).toString('base64url');
    const weaknesses = await passwordWeaknesses(password, owners);
    if (weaknesses.every((weakness) => weakness === null)) return password;
  }
  throw new AppError('internal', 'No random password passed the password policy.');
}
