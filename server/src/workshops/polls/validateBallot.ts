import { WORKSHOP_ERRORS } from '@polisee/contracts';
import type { BallotAllocation, Poll } from '@polisee/domain';
import { workshopError } from '../live/workshopErrors.js';

/** The highest score in a score poll (scores run 1–5). */
export const MAX_SCORE = 5;

/**
 * A ballot's allocations against its poll's rules, enforced on the server whatever the client
 * showed. Throws the first broken rule as a workshop error; returns the allocations ordered as
 * the poll's options, so a ballot sent twice in another order is stored the same.
 *  - every option exists (`poll_unknown_option`), none twice, at least one (`ballot_invalid`);
 *  - single: exactly one option, value 1; multiple: distinct options, value 1 each;
 *  - dots: at most `maxDotsPerOption` on one option, at most `dots` in all (`ballot_over_limit`);
 *  - score: each 1–5 (`ballot_over_limit` above 5).
 */
export function validateBallot(
  poll: Pick<Poll, 'kind' | 'options' | 'dots' | 'maxDotsPerOption'>,
  allocations: readonly BallotAllocation[],
): BallotAllocation[] {
  const order = new Map(poll.options.map((o, i) => [o.id, i]));
  if (allocations.some((a) => !order.has(a.optionId))) {
    throw workshopError(
      WORKSHOP_ERRORS.unknownOption,
      'The ballot names an option the poll does not have.',
    );
  }
  if (new Set(allocations.map((a) => a.optionId)).size !== allocations.length) {
    throw workshopError(WORKSHOP_ERRORS.invalidBallot, 'The ballot names an option twice.');
  }
  if (allocations.length === 0) {
    throw workshopError(WORKSHOP_ERRORS.invalidBallot, 'The ballot chooses nothing.');
  }
  switch (poll.kind) {
    case 'single':
      if (allocations.length > 1) {
        throw workshopError(WORKSHOP_ERRORS.overLimit, 'Choose one option only.');
      }
      requireChoices(allocations);
      break;
    case 'multiple':
      requireChoices(allocations);
      break;
    case 'dots': {
      const cap = poll.maxDotsPerOption;
      if (cap !== null && allocations.some((a) => a.value > cap)) {
        throw workshopError(WORKSHOP_ERRORS.overLimit, `At most ${cap} dots on one option.`);
      }
      const placed = allocations.reduce((sum, a) => sum + a.value, 0);
      // A dot vote is always opened with its number of dots; none would refuse every ballot.
      if (placed > (poll.dots ?? 0)) {
        throw workshopError(WORKSHOP_ERRORS.overLimit, `At most ${poll.dots ?? 0} dots in all.`);
      }
      break;
    }
    case 'score':
      if (allocations.some((a) => a.value > MAX_SCORE)) {
        throw workshopError(WORKSHOP_ERRORS.overLimit, `Scores run from 1 to ${MAX_SCORE}.`);
      }
      break;
  }
  return [...allocations]
    .sort((a, b) => order.get(a.optionId)! - order.get(b.optionId)!)
    .map(({ optionId, value }) => ({ optionId, value }));
}

function requireChoices(allocations: readonly BallotAllocation[]) {
  if (allocations.some((a) => a.value !== 1)) {
    throw workshopError(WORKSHOP_ERRORS.invalidBallot, 'A choice is worth 1.');
  }
}
