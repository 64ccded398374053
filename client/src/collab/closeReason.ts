import { COLLAB_CLOSE, COLLAB_FINAL_CLOSE_CODES } from '@polisee/contracts';

/** Why the server ended the session for good: reconnecting cannot help, so the client stops. */
export type CollabCloseReason =
  | 'unauthorized'
  | 'forbidden'
  | 'notFound'
  | 'rejected'
  | 'tooLarge'
  | 'suggestionsOnly'
  | 'unavailable';

/** The reason behind a final close code, or `null` for a code after which the client reconnects. */
export function finalCloseReason(code: number): CollabCloseReason | null {
  if (!COLLAB_FINAL_CLOSE_CODES.includes(code)) return null;
  switch (code) {
    case COLLAB_CLOSE.unauthorized:
      return 'unauthorized';
    case COLLAB_CLOSE.forbidden:
      return 'forbidden';
    case COLLAB_CLOSE.notFound:
      return 'notFound';
    case COLLAB_CLOSE.schemaViolation:
      return 'rejected';
    case COLLAB_CLOSE.documentTooLarge:
      return 'tooLarge';
    case COLLAB_CLOSE.suggestionsOnly:
      return 'suggestionsOnly';
    default:
      // A final code added to the contract later still stops the client, with a generic message.
      return 'unavailable';
  }
}
