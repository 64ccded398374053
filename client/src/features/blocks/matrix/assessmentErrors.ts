import { ASSESSMENT_ERRORS } from '@polisee/contracts';
import { isApiError } from '../../../api/ApiError';

const REASONS = new Set<string>(Object.values(ASSESSMENT_ERRORS));

/**
 * The translation key saying why the server refused a scoring request: its assessment reason
 * when it gave one (`assessments.errors.assessment_not_scoring`), a refusal of rights, or the
 * generic message of the error's code.
 */
export function assessmentErrorKey(error: unknown): string {
  if (!isApiError(error)) return 'errors.codes.unexpected_response';
  if (error.reason && REASONS.has(error.reason)) return `assessments.errors.${error.reason}`;
  if (error.code === 'forbidden') return 'assessments.errors.forbidden';
  return `errors.codes.${error.code}`;
}
