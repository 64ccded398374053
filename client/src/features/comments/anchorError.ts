import { isApiError } from '../../api/ApiError';

/** Why the server could not place an anchor, from its field error on `anchor`. */
export type AnchorProblem = 'invalid_position' | 'empty_selection' | 'not_synced';

export function anchorProblemOf(error: unknown): AnchorProblem | null {
  if (!isApiError(error, 'validation_failed')) return null;
  const detail = error.details.find((d) => d.path === 'anchor')?.message;
  return detail === 'invalid_position' || detail === 'empty_selection' || detail === 'not_synced'
    ? detail
    : null;
}
