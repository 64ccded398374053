import type { Workshop } from '@polisee/domain';
import { ApiError } from '../../api/ApiError';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  defaultWorkshopValues,
  rowsWithUnlinkedSections,
  sectionKey,
  showWorkshopServerErrors,
  updateWorkshopRequest,
  WorkshopFormSchema,
  workshopFieldOf,
  workshopFormValues,
  type WorkshopFormValues,
} from './workshopForm';

const originalZone = process.env.TZ;
beforeEach(() => {
  process.env.TZ = 'Europe/Sofia';
});
afterEach(() => {
  if (originalZone === undefined) delete process.env.TZ;
  else process.env.TZ = originalZone;
});

const section = { documentId: 'doc-1', anchor: 'AQIDBAU=', heading: 'Financing' };

function values(overrides: Partial<WorkshopFormValues> = {}): WorkshopFormValues {
  return {
    ...defaultWorkshopValues({ workingGroupId: 'wg-1', language: 'el' }),
    title: '  Foresight on the draft plan ',
    startsAt: '2026-06-10T10:00',
    endsAt: '2026-06-10T12:30',
    documentIds: ['doc-1', 'doc-1'],
    agenda: [
      { title: 'Welcome', minutes: '10', priority: '', section: null },
      { title: 'Financing', minutes: ' 45 ', priority: 'financing', section },
    ],
    ...overrides,
  };
}

describe('the workshop form', () => {
  it('builds the request the contract takes: times with offset, minutes as numbers, no priority as null', () => {
    const parsed = WorkshopFormSchema.safeParse(values());
    expect(parsed.error?.issues).toBeUndefined();
    expect(parsed.data).toEqual({
      title: 'Foresight on the draft plan',
      purpose: '',
      workingGroupId: 'wg-1',
      startsAt: '2026-06-10T10:00:00+03:00',
      endsAt: '2026-06-10T12:30:00+03:00',
      language: 'el',
      agenda: [
        { title: 'Welcome', minutes: 10, priority: null, section: null },
        { title: 'Financing', minutes: 45, priority: 'financing', section },
      ],
      facilitatorIds: [],
      guestIds: [],
      documentIds: ['doc-1'],
      observersMayVote: true,
    });
  });

  it('refuses an end before the start, on the end field', () => {
    const parsed = WorkshopFormSchema.safeParse(values({ endsAt: '2026-06-10T09:00' }));
    expect(parsed.error?.issues.map((i) => i.path.join('.'))).toEqual(['endsAt']);
  });

  it('names each bad agenda row by its index and field', () => {
    const parsed = WorkshopFormSchema.safeParse(
      values({
        agenda: [
          { title: '', minutes: '10', priority: '', section: null },
          // A value no option offers (a stale tab after a catalog change).
          { title: 'Long', minutes: '481', priority: 'nonsense' as never, section: null },
          { title: 'Empty', minutes: '', priority: '', section: null },
        ],
      }),
    );
    expect(parsed.error?.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['agenda.0.title', 'too_small'],
      ['agenda.1.minutes', 'too_big'],
      ['agenda.1.priority', 'invalid_union'],
      ['agenda.2.minutes', 'too_small'],
    ]);
  });

  it('needs at least one agenda item and a time for both ends', () => {
    const parsed = WorkshopFormSchema.safeParse(values({ agenda: [], startsAt: '' }));
    expect(parsed.error?.issues.map((i) => i.path.join('.')).sort()).toEqual([
      'agenda',
      'startsAt',
    ]);
  });

  it('starts tomorrow at ten, for two hours, with one agenda item', () => {
    const defaults = defaultWorkshopValues({
      workingGroupId: 'wg-1',
      language: 'ro',
      now: new Date('2026-06-10T22:30:00+03:00'),
    });
    expect(defaults.startsAt).toBe('2026-06-11T10:00');
    expect(defaults.endsAt).toBe('2026-06-11T12:00');
    expect(defaults.agenda).toHaveLength(1);
  });
});

describe('agenda sections', () => {
  it('keys a section by document and anchor', () => {
    expect(sectionKey(section)).toBe('doc-1:AQIDBAU=');
  });

  it('finds the rows bound to a document that is no longer linked', () => {
    const agenda = [
      { section: null },
      { section },
      { section: { ...section, documentId: 'doc-2' } },
    ];
    expect(rowsWithUnlinkedSections(agenda, ['doc-2'])).toEqual([1]);
    expect(rowsWithUnlinkedSections(agenda, ['doc-1', 'doc-2'])).toEqual([]);
  });
});

describe('server field errors', () => {
  it('finds the input of each path the server names', () => {
    expect(workshopFieldOf('title')).toBe('title');
    expect(workshopFieldOf('documentIds.1')).toBe('documentIds');
    expect(workshopFieldOf('agenda.2.section.anchor')).toBe('agenda.2.section');
    expect(workshopFieldOf('agenda.0.minutes')).toBe('agenda.0.minutes');
    expect(workshopFieldOf('agenda')).toBe('agenda.root');
    expect(workshopFieldOf('agenda.3')).toBe('agenda.root');
    // An item id the server does not know: no input holds it, the agenda as a whole shows it.
    expect(workshopFieldOf('agenda.1.id')).toBe('agenda.root');
    expect(workshopFieldOf('root')).toBeNull();
  });

  it('puts them on the form, focusing the first', () => {
    const calls: [string, unknown, unknown][] = [];
    const error = new ApiError('validation_failed', 400, 'bad', [
      { path: 'agenda.1.section', code: 'invalid_value', message: 'not a heading' },
      { path: 'guestIds', code: 'too_many', limit: 200, message: 'too many' },
      { path: 'somethingElse', code: 'invalid_value', message: 'x' },
    ]);
    const shown = showWorkshopServerErrors(error, (name, value, options) =>
      calls.push([name, value, options]),
    );
    expect(shown).toBe(true);
    expect(calls.map(([name, , options]) => [name, options])).toEqual([
      ['agenda.1.section', { shouldFocus: true }],
      ['guestIds', { shouldFocus: false }],
    ]);
  });

  it('leaves other errors to the alert', () => {
    expect(showWorkshopServerErrors(new ApiError('forbidden', 403, 'no'), () => undefined)).toBe(
      false,
    );
  });
});

describe('changing a plan', () => {
  const workshop: Workshop = {
    id: 'ws-1',
    workingGroupId: 'wg-1',
    title: 'Foresight',
    purpose: 'Agree the priorities.',
    language: 'bg',
    startsAt: '2026-06-10T07:00:00.000Z',
    endsAt: '2026-06-10T09:30:00.000Z',
    status: 'scheduled',
    facilitatorIds: ['creator', 'member-1', 'member-2'],
    guestIds: ['guest-1'],
    documentIds: ['doc-1', 'notes-1'],
    notesDocumentId: 'notes-1',
    agenda: [
      {
        id: 'item-1',
        title: 'Welcome',
        minutes: 10,
        section: null,
        priority: null,
        spentSeconds: 0,
      },
      {
        id: 'item-2',
        title: 'Financing',
        minutes: 45,
        section,
        priority: 'financing',
        spentSeconds: 0,
      },
    ],
    currentItem: null,
    currentItemSince: null,
    timer: { durationMs: 0, remainingMs: 0, runningSince: null },
    hands: [],
    observersMayVote: false,
    createdBy: 'creator',
    createdAt: '2026-06-01T10:00:00.000Z',
    updatedAt: '2026-06-01T10:00:00.000Z',
    startedAt: null,
    endedAt: null,
  };
  const parse = (v: WorkshopFormValues) => {
    const parsed = WorkshopFormSchema.safeParse(v);
    expect(parsed.error?.issues).toBeUndefined();
    return parsed.data!;
  };

  it('fills the form from the workshop: local times, rows with their ids, no notes, no creator', () => {
    expect(workshopFormValues(workshop)).toEqual({
      title: 'Foresight',
      purpose: 'Agree the priorities.',
      workingGroupId: 'wg-1',
      startsAt: '2026-06-10T10:00',
      endsAt: '2026-06-10T12:30',
      language: 'bg',
      agenda: [
        { id: 'item-1', title: 'Welcome', minutes: '10', priority: '', section: null },
        { id: 'item-2', title: 'Financing', minutes: '45', priority: 'financing', section },
      ],
      facilitatorIds: ['member-1', 'member-2'],
      guestIds: ['guest-1'],
      documentIds: ['doc-1'],
      observersMayVote: false,
    });
  });

  it('sends nothing when nothing changed', () => {
    expect(updateWorkshopRequest(workshop, parse(workshopFormValues(workshop)))).toBeNull();
  });

  it('sends only what changed, the agenda whole with the ids of the rows it keeps', () => {
    const before = workshopFormValues(workshop);
    const request = parse({
      ...before,
      title: 'Foresight on financing',
      endsAt: '2026-06-10T13:00',
      agenda: [
        before.agenda[1]!,
        { title: 'Wild cards', minutes: '15', priority: '', section: null },
        { ...before.agenda[0]!, minutes: '5' },
      ],
      guestIds: ['guest-1', 'guest-2'],
      // The same people in another order are no change.
      facilitatorIds: ['member-2', 'member-1'],
    });
    expect(updateWorkshopRequest(workshop, request)).toEqual({
      title: 'Foresight on financing',
      endsAt: '2026-06-10T13:00:00+03:00',
      agenda: [
        { id: 'item-2', title: 'Financing', minutes: 45, priority: 'financing', section },
        { title: 'Wild cards', minutes: 15, priority: null, section: null },
        { id: 'item-1', title: 'Welcome', minutes: 5, priority: null, section: null },
      ],
      guestIds: ['guest-1', 'guest-2'],
    });
  });

  it('sends the documents, people and vote setting when they change', () => {
    const before = workshopFormValues(workshop);
    const request = parse({
      ...before,
      documentIds: ['doc-1', 'doc-2'],
      facilitatorIds: [],
      guestIds: [],
      observersMayVote: true,
    });
    expect(updateWorkshopRequest(workshop, request)).toEqual({
      documentIds: ['doc-1', 'doc-2'],
      facilitatorIds: [],
      guestIds: [],
      observersMayVote: true,
    });
  });

  it('plans a new workshop without ids', () => {
    const request = parse(values());
    expect(request.agenda.every((row) => !('id' in row))).toBe(true);
  });
});
