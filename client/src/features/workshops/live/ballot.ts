import type { BallotAllocation, Poll } from '@polisee/domain';

/** The poll fields a ballot depends on. */
export type BallotRules = Pick<Poll, 'kind' | 'options' | 'dots' | 'maxDotsPerOption'>;

/**
 * A ballot being filled in, as the form holds it: per option, 1 for chosen (single, multiple),
 * the dots placed (dots), or the score 1–5 (score); 0 or absent for nothing.
 */
export type BallotDraft = Record<string, number>;

export const SCORE_MIN = 1;
export const SCORE_MAX = 5;

/** The draft a voter starts from: their ballot as the server holds it, or nothing. */
export function draftFromBallot(ballot: readonly BallotAllocation[] | null): BallotDraft {
  return Object.fromEntries((ballot ?? []).map((a) => [a.optionId, a.value]));
}

/** The allocations to send: options with nothing are left out, in the poll's option order. */
export function allocationsOf(rules: BallotRules, draft: BallotDraft): BallotAllocation[] {
  return rules.options
    .map((o) => ({ optionId: o.id, value: draft[o.id] ?? 0 }))
    .filter((a) => a.value > 0);
}

export function dotsUsed(draft: BallotDraft): number {
  return Object.values(draft).reduce((sum, n) => sum + Math.max(0, n), 0);
}

export function dotsLeft(rules: BallotRules, draft: BallotDraft): number {
  return Math.max(0, (rules.dots ?? 0) - dotsUsed(draft));
}

/** The most dots this option may still hold: its cap, and the dots left over the others. */
export function maxDotsFor(rules: BallotRules, draft: BallotDraft, optionId: string): number {
  const here = draft[optionId] ?? 0;
  const byTotal = here + dotsLeft(rules, draft);
  return rules.maxDotsPerOption === null ? byTotal : Math.min(byTotal, rules.maxDotsPerOption);
}

/** Choose an option: single replaces the choice, multiple toggles it. */
export function choose(rules: BallotRules, draft: BallotDraft, optionId: string, on: boolean) {
  if (rules.kind === 'single') return on ? { [optionId]: 1 } : {};
  const next = { ...draft };
  if (on) next[optionId] = 1;
  else delete next[optionId];
  return next;
}

/** Set an option's dots or score, kept within what the rules allow. */
export function setValue(
  rules: BallotRules,
  draft: BallotDraft,
  optionId: string,
  value: number,
): BallotDraft {
  const max = rules.kind === 'dots' ? maxDotsFor(rules, draft, optionId) : SCORE_MAX;
  const clamped = Math.max(0, Math.min(Math.round(value), max));
  const next = { ...draft };
  if (clamped === 0) delete next[optionId];
  else next[optionId] = rules.kind === 'score' ? Math.max(SCORE_MIN, clamped) : clamped;
  return next;
}

export type BallotProblem = 'empty' | 'tooManyChoices' | 'overDots' | 'overCap' | 'outOfRange';

/**
 * Why this draft cannot be sent, or null. The server checks the same and has the last word;
 * this only spares a round trip and says what is wrong in the voter's language.
 */
export function ballotProblem(rules: BallotRules, draft: BallotDraft): BallotProblem | null {
  const allocations = allocationsOf(rules, draft);
  if (allocations.length === 0) return 'empty';
  switch (rules.kind) {
    case 'single':
      return allocations.length > 1 ? 'tooManyChoices' : null;
    case 'multiple':
      return allocations.some((a) => a.value !== 1) ? 'outOfRange' : null;
    case 'dots':
      if (dotsUsed(draft) > (rules.dots ?? 0)) return 'overDots';
      if (
        rules.maxDotsPerOption !== null &&
        allocations.some((a) => a.value > rules.maxDotsPerOption!)
      )
        return 'overCap';
      return null;
    case 'score':
      return allocations.some((a) => a.value < SCORE_MIN || a.value > SCORE_MAX)
        ? 'outOfRange'
        : null;
  }
}
