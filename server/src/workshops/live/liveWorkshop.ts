import { WORKSHOP_ERRORS } from '@polisee/contracts';
import { AppError, type Workshop } from '@polisee/domain';
import type { ServiceContext } from '../../services/context.js';
import type { AuthenticatedActor } from '../../services/loadActor.js';
import { getReadableWorkshop } from '../workshopAccess.js';
import type { WorkshopRuntime } from './WorkshopRuntime.js';
import { workshopError } from './workshopErrors.js';

/** Who sends a live event: the actor as loaded now, over one connection (a socket). */
export interface LiveCaller {
  actor: AuthenticatedActor;
  connectionId: string;
}

/**
 * The workshop a live event acts on, read now: one the caller may read (else not found, so its
 * existence is not disclosed) and has joined over this connection (else `workshop_not_joined`).
 */
export async function loadJoinedWorkshop(
  ctx: ServiceContext,
  runtime: WorkshopRuntime,
  caller: LiveCaller,
  workshopId: string,
): Promise<Workshop> {
  const workshop = await getReadableWorkshop(ctx, caller.actor, workshopId);
  if (!runtime.presence.isJoined(workshop.id, caller.actor.user.id, caller.connectionId)) {
    throw workshopError(WORKSHOP_ERRORS.notJoined, 'Join the workshop first.');
  }
  return workshop;
}

/** Live events need a live workshop: before the start nothing runs, after the end nothing moves. */
export function assertLive(workshop: Workshop) {
  if (workshop.status === 'ended') {
    throw workshopError(WORKSHOP_ERRORS.ended, 'The workshop has ended.');
  }
  if (workshop.status !== 'live') {
    throw workshopError(WORKSHOP_ERRORS.notLive, 'The workshop has not started.');
  }
}

/** A place in the documents must be in one of the workshop's documents. */
export function assertWorkshopDocument(workshop: Workshop, documentId: string) {
  if (documentId !== workshop.notesDocumentId && !workshop.documentIds.includes(documentId)) {
    throw new AppError('validation_failed', 'Not a document of this workshop.');
  }
}

/**
 * Writes a changed workshop whole (the caller holds the workshop's lock) and tells the edges,
 * which broadcast the new state to the room.
 */
export async function saveWorkshop(ctx: ServiceContext, workshop: Workshop): Promise<Workshop> {
  const saved = { ...workshop, updatedAt: ctx.now().toISOString() };
  await ctx.store.workshops.save(saved);
  ctx.events.emit('workshopChanged', saved);
  return saved;
}
