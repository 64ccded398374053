import { WORKSHOP_ERRORS } from '@polisee/contracts';
import { AppError, type ErrorCode } from '@polisee/domain';

export type WorkshopErrorCode = (typeof WORKSHOP_ERRORS)[keyof typeof WORKSHOP_ERRORS];

/** The shared code each workshop code refines (its HTTP status, should one reach REST). */
const BASE: Record<WorkshopErrorCode, ErrorCode> = {
  [WORKSHOP_ERRORS.notLive]: 'conflict',
  [WORKSHOP_ERRORS.ended]: 'conflict',
  [WORKSHOP_ERRORS.notJoined]: 'conflict',
  [WORKSHOP_ERRORS.pollClosed]: 'conflict',
  [WORKSHOP_ERRORS.unknownOption]: 'validation_failed',
  [WORKSHOP_ERRORS.overLimit]: 'validation_failed',
  [WORKSHOP_ERRORS.invalidBallot]: 'validation_failed',
  [WORKSHOP_ERRORS.noSuchItem]: 'validation_failed',
  [WORKSHOP_ERRORS.unknownSource]: 'validation_failed',
  [WORKSHOP_ERRORS.sourceChanged]: 'conflict',
};

/**
 * A refusal with its workshop code as the `reason` (the finer code within a shared one): the
 * socket edge answers with the reason, so clients switch on `workshop_not_live` and the like.
 */
export function workshopError(code: WorkshopErrorCode, message: string): AppError {
  return new AppError(BASE[code], message, undefined, code);
}
