import { ASSESSMENT_ERRORS, type AssessmentErrorCode } from '@polisee/contracts';
import { AppError, type ErrorCode } from '@polisee/domain';

/** The shared code (and so the HTTP status) each assessment code refines. */
const BASE: Record<AssessmentErrorCode, ErrorCode> = {
  [ASSESSMENT_ERRORS.notScoring]: 'conflict',
  [ASSESSMENT_ERRORS.unknownMatrix]: 'not_found',
  [ASSESSMENT_ERRORS.unknownCell]: 'validation_failed',
  [ASSESSMENT_ERRORS.roundUnavailable]: 'conflict',
};

/** A refusal with its assessment code as the `reason`, so clients can say why. */
export function assessmentError(code: AssessmentErrorCode, message: string): AppError {
  return new AppError(BASE[code], message, undefined, code);
}
