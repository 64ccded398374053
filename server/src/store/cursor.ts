/**
 * Keyset pagination cursors: the sort key of the last row of a page, opaque to clients.
 * A cursor that does not decode is a client error, not a crash.
 */
import { AppError } from '@polisee/domain';

export function encodeCursor(at: string, id: string): string {
  return Buffer.from(JSON.stringify([at, id])).toString('base64url');
}

export function decodeCursor(cursor: string): { at: string; id: string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (
      Array.isArray(value) &&
      value.length === 2 &&
      typeof value[0] === 'string' &&
      typeof value[1] === 'string'
    ) {
      return { at: value[0], id: value[1] };
    }
  } catch {
    // fall through
  }
  throw new AppError('validation_failed', 'Invalid query: cursor: not a cursor from this server', [
    { path: 'cursor', message: 'not a cursor from this server' },
  ]);
}
