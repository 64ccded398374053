import { COLLAB_LIMITS } from '@polisee/contracts';
import { buildSchema } from '@polisee/editor-schema';
import { SchemaGuard } from '../content/schemaGuard.js';
import type { RoomRules } from './Room.js';

/** The rules every room enforces: the shared editor schema and the document size budget. */
export function createRoomRules(maxStateBytes: number = COLLAB_LIMITS.maxDocumentBytes): RoomRules {
  return { guard: new SchemaGuard(buildSchema()), maxStateBytes };
}
