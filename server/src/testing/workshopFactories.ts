import { randomUUID } from 'node:crypto';
import type { Ballot, Poll, Workshop, WorkshopOutcome } from '@polisee/domain';

/** Small factories for workshop tests: valid defaults, override what the test is about. */

export function buildWorkshop(
  over: Partial<Workshop> & { workingGroupId: string; notesDocumentId: string; createdBy: string },
): Workshop {
  const now = new Date().toISOString();
  return {
    id: randomUUID(),
    title: 'Foresight workshop',
    purpose: 'Agree the priorities of the joint strategic plan',
    language: 'en',
    startsAt: '2026-03-01T09:00:00.000Z',
    endsAt: '2026-03-01T12:00:00.000Z',
    status: 'scheduled',
    facilitatorIds: [over.createdBy],
    guestIds: [],
    documentIds: [over.notesDocumentId],
    agenda: [
      {
        id: randomUUID(),
        title: 'Welcome',
        minutes: 10,
        section: null,
        priority: null,
        spentSeconds: 0,
      },
    ],
    currentItem: null,
    currentItemSince: null,
    timer: { durationMs: 0, remainingMs: 0, runningSince: null },
    hands: [],
    observersMayVote: true,
    createdAt: now,
    updatedAt: now,
    startedAt: null,
    endedAt: null,
    ...over,
  };
}

export function buildPoll(over: Partial<Poll> & { workshopId: string; openedBy: string }): Poll {
  return {
    id: randomUUID(),
    agendaItemId: null,
    question: 'Which priority comes first?',
    kind: 'single',
    options: [
      { id: randomUUID(), text: 'Innovation' },
      { id: randomUUID(), text: 'Skills' },
    ],
    anonymous: true,
    showLive: false,
    dots: null,
    maxDotsPerOption: null,
    status: 'open',
    openedAt: new Date().toISOString(),
    closesAt: null,
    closedAt: null,
    source: null,
    ...over,
  };
}

export function buildBallot(over: Partial<Ballot> & { poll: Poll; userId: string }): Ballot {
  const { poll, ...rest } = over;
  return {
    pollId: poll.id,
    allocations: [{ optionId: poll.options[0]!.id, value: 1 }],
    castAt: new Date().toISOString(),
    ...rest,
  };
}

export function buildOutcome(
  over: Partial<WorkshopOutcome> & { workshopId: string; createdBy: string },
): WorkshopOutcome {
  return {
    id: randomUUID(),
    agendaItemId: null,
    kind: 'decision',
    text: 'Innovation comes first',
    ownerId: null,
    dueDate: null,
    createdAt: new Date().toISOString(),
    ...over,
  };
}
