import { z } from 'zod';

/**
 * The password policy, after NIST SP 800-63B: a minimum length, no composition rules, and a
 * check against common and breached-pattern passwords and the person's own details. The server
 * is the authority (server/src/services/passwordPolicy.ts, with zxcvbn); these are the shared
 * figures and the reasons a password is refused, which the client translates.
 * See docs/decisions/0036-password-policy.md.
 */
export const PASSWORD_POLICY = {
  /** In characters (code points): "Ω" counts one, as the person sees it. */
  minLength: 12,
  /** Bounds the hashing and strength-estimation work one request can ask for. */
  maxLength: 200,
  /**
   * zxcvbn's score, 0–4: 4 is at least 10^10 guesses. 3 (10^8) let through "Summer2024!!" and
   * "Qwerty2024!!", the word-year-symbol pattern every cracking rule set tries first.
   */
  minScore: 4,
} as const;

/**
 * Why a password was refused (the `reason` of a `password_too_weak` error). Stable: the client
 * switches on them.
 */
export const PASSWORD_WEAKNESSES = [
  'too_short',
  /** In a list of common or breached passwords, or a small variation of one. */
  'common',
  /** Repeats, sequences, keyboard patterns, dates: "aaaaaaaaaaaa", "123456789abc", "qwertyuiop". */
  'predictable',
  'contains_email',
  'contains_name',
  'contains_organisation',
  /** None of the above alone, but few enough guesses altogether (common words, names). */
  'guessable',
] as const;
export const PasswordWeaknessSchema = z.enum(PASSWORD_WEAKNESSES);
export type PasswordWeakness = z.infer<typeof PasswordWeaknessSchema>;

/**
 * A new password as the edge takes it. Only the upper bound is a schema rule: the length
 * minimum is part of the policy, so a short password gets the `too_short` reason like any other.
 */
export const PasswordSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(PASSWORD_POLICY.maxLength, `must be at most ${PASSWORD_POLICY.maxLength} characters`);

/** Length as the policy counts it: in code points, not UTF-16 units. */
export function passwordLength(password: string): number {
  return [...password].length;
}
