import type { WorkshopPerson } from '@polisee/contracts';
import type { Attendance, Ballot, Language, Poll } from '@polisee/domain';
import { buildSchema } from '@polisee/editor-schema';
import type { Node as PMNode } from '@tiptap/pm/model';
import { describe, expect, it } from 'vitest';
import { buildOutcome, buildPoll, buildWorkshop } from '../../testing/workshopFactories.js';
import { tallyPoll } from '../polls/tally.js';
import { aggregateAttendance, composeOutcome } from './composeOutcome.js';

const schema = buildSchema();

const people: Record<string, WorkshopPerson> = {
  ana: { id: 'ana', name: 'Ana Pop', organisationName: 'North-East RDA', country: 'RO' },
  ion: { id: 'ion', name: 'Ion Ionescu', organisationName: 'North-East RDA', country: 'RO' },
  eleni: {
    id: 'eleni',
    name: 'Eleni Papadopoulou',
    organisationName: 'Region of Central Macedonia',
    country: 'GR',
  },
};
const person = (id: string) => people[id];

const workshop = buildWorkshop({
  workingGroupId: 'wg',
  notesDocumentId: 'notes',
  createdBy: 'eleni',
  title: 'Foresight workshop',
  startedAt: '2026-03-01T09:05:00.000Z',
  currentItem: 1,
  currentItemSince: '2026-03-01T10:00:00.000Z',
  agenda: [
    {
      id: 'welcome',
      title: 'Welcome',
      minutes: 10,
      section: null,
      priority: null,
      spentSeconds: 725,
    },
    {
      id: 'priorities',
      title: 'Priorities',
      minutes: 30,
      section: null,
      priority: null,
      spentSeconds: 0,
    },
  ],
});

const dotVote: Poll = {
  ...buildPoll({ workshopId: workshop.id, openedBy: 'eleni' }),
  agendaItemId: 'priorities',
  question: 'Which priority comes first?',
  kind: 'dots',
  dots: 3,
  options: [
    { id: 'skills', text: 'Skills' },
    { id: 'green', text: 'Green transition' },
    { id: 'digital', text: 'Digital services' },
  ],
  status: 'closed',
  closedAt: '2026-03-01T10:20:00.000Z',
};
const openPoll: Poll = {
  ...buildPoll({ workshopId: workshop.id, openedBy: 'eleni' }),
  question: 'Still open: lunch or coffee?',
  options: [
    { id: 'lunch', text: 'Secret lunch option' },
    { id: 'coffee', text: 'Secret coffee option' },
  ],
};
const ballot = (userId: string, ...pairs: [string, number][]): Ballot => ({
  pollId: dotVote.id,
  userId,
  allocations: pairs.map(([optionId, value]) => ({ optionId, value })),
  castAt: '2026-03-01T10:10:00.000Z',
});
const ballots = [
  ballot('ana', ['skills', 2], ['green', 1]),
  ballot('ion', ['skills', 1], ['digital', 2]),
  ballot('eleni', ['green', 3]),
];

const decision = buildOutcome({
  workshopId: workshop.id,
  createdBy: 'eleni',
  agendaItemId: 'priorities',
  kind: 'decision',
  text: 'Skills come first.\nGreen transition second.',
  ownerId: null,
  dueDate: null,
});
const action = buildOutcome({
  workshopId: workshop.id,
  createdBy: 'eleni',
  agendaItemId: 'welcome',
  kind: 'action',
  text: 'Circulate the draft',
  ownerId: 'ana',
  dueDate: '2026-03-15',
});

const stay = (userId: string, joinedAt: string): Attendance => ({
  workshopId: workshop.id,
  userId,
  joinedAt,
  leftAt: null,
});
// Ana joined twice (a reload): one person.
const attendance = [
  stay('eleni', '2026-03-01T09:00:00.000Z'),
  stay('ana', '2026-03-01T09:01:00.000Z'),
  stay('ion', '2026-03-01T09:02:00.000Z'),
  stay('ana', '2026-03-01T09:30:00.000Z'),
];

function compose(language: Language, agendaItemId: string | null = null) {
  const blocks = composeOutcome({
    workshop,
    language,
    agendaItemId,
    polls: [
      { poll: dotVote, results: tallyPoll(dotVote, ballots) },
      { poll: openPoll, results: tallyPoll(openPoll, []) },
    ],
    outcomes: [decision, action],
    attendance,
    person,
    now: '2026-03-01T10:25:00.000Z',
  });
  // Valid for the shared editor schema, or this throws.
  const doc = schema.nodeFromJSON({ type: 'doc', content: blocks });
  doc.check();
  return doc;
}

/** Each top-level block as a line; table rows as cells joined by " | ". */
function lines(doc: PMNode): string[] {
  const out: string[] = [];
  doc.forEach((block) => {
    if (block.type.name === 'table') {
      block.forEach((row) => {
        const cells: string[] = [];
        row.forEach((cell) => cells.push(cell.textContent));
        out.push(cells.join(' | '));
      });
    } else if (block.type.name === 'bulletList' || block.type.name === 'taskList') {
      block.forEach((item) => out.push(`- ${item.textBetween(0, item.content.size, '', '/')}`));
    } else {
      out.push(
        `${block.type.name === 'heading' ? `h${block.attrs.level} ` : ''}${block.textContent}`,
      );
    }
  });
  return out;
}

describe('composeOutcome', () => {
  it('writes the whole workshop in English: agenda, attendance, the closed vote, decisions, actions', () => {
    const doc = compose('en');
    expect(lines(doc)).toEqual([
      'h2 Workshop outcome — March 1, 2026',
      'Foresight workshop',
      'h3 Agenda',
      '- Welcome — planned 10 min, spent 12 min',
      // The item under way counts its time so far.
      '- Priorities — planned 30 min, spent 25 min',
      'h3 Attendance',
      'Organisation | Country | People',
      'Region of Central Macedonia | Greece | 1',
      'North-East RDA | Romania | 2',
      'h3 Polls',
      'Which priority comes first? — dot vote, 3 voters (Priorities)',
      'Option | Dots | Share',
      'Skills | 3 | 33.3%',
      'Green transition | 4 | 44.4%',
      'Digital services | 2 | 22.2%',
      'h3 Decisions',
      '- Skills come first./Green transition second. (Priorities)',
      'h3 Actions',
      '- Circulate the draft — owner: Ana Pop, due: March 15, 2026 (Welcome)',
    ]);
    // The open poll's question and options are nowhere: no tally before close.
    expect(doc.textContent).not.toContain('Secret');
    expect(doc.textContent).not.toContain('Still open');
    // Actions are tasks to tick off; the decision's line break is kept.
    const actions = doc.child(doc.childCount - 1);
    expect(actions.type.name).toBe('taskList');
    expect(actions.firstChild!.attrs.checked).toBe(false);
    const decisions = doc.child(doc.childCount - 3);
    expect(decisions.firstChild!.firstChild!.content.toJSON()).toContainEqual({
      type: 'hardBreak',
    });
  });

  it('writes it in Greek, with Greek dates, numbers and country names', () => {
    expect(lines(compose('el'))).toEqual([
      'h2 Αποτελέσματα εργαστηρίου — 1 Μαρτίου 2026',
      'Foresight workshop',
      'h3 Ημερήσια διάταξη',
      '- Welcome — προγραμματισμός 10 λεπ., διάρκεια 12 λεπ.',
      '- Priorities — προγραμματισμός 30 λεπ., διάρκεια 25 λεπ.',
      'h3 Συμμετοχή',
      'Φορέας | Χώρα | Άτομα',
      'Region of Central Macedonia | Ελλάδα | 1',
      'North-East RDA | Ρουμανία | 2',
      'h3 Ψηφοφορίες',
      'Which priority comes first? — ψηφοφορία με κουκκίδες, ψήφισαν 3 άτομα (Priorities)',
      'Επιλογή | Κουκκίδες | Ποσοστό',
      'Skills | 3 | 33,3%',
      'Green transition | 4 | 44,4%',
      'Digital services | 2 | 22,2%',
      'h3 Αποφάσεις',
      '- Skills come first./Green transition second. (Priorities)',
      'h3 Ενέργειες',
      '- Circulate the draft — υπεύθυνος: Ana Pop, προθεσμία: 15 Μαρτίου 2026 (Welcome)',
    ]);
  });

  it('writes one agenda item: its time, its polls and outcomes only', () => {
    expect(lines(compose('en', 'priorities'))).toEqual([
      'h2 Outcome of “Priorities” — March 1, 2026',
      'planned 30 min, spent 25 min',
      'h3 Polls',
      'Which priority comes first? — dot vote, 3 voters',
      'Option | Dots | Share',
      'Skills | 3 | 33.3%',
      'Green transition | 4 | 44.4%',
      'Digital services | 2 | 22.2%',
      'h3 Decisions',
      '- Skills come first./Green transition second.',
      'h3 Actions',
      'None recorded.',
    ]);
  });

  it('writes score polls as mean scores, and polls without votes without a table', () => {
    const score: Poll = { ...dotVote, kind: 'score', dots: null, question: 'How ready are we?' };
    const empty: Poll = { ...dotVote, question: 'Nobody came' };
    const blocks = composeOutcome({
      workshop: { ...workshop, currentItem: null, currentItemSince: null },
      language: 'ro',
      agendaItemId: 'priorities',
      polls: [
        {
          poll: score,
          results: tallyPoll(score, [
            ballot('ana', ['skills', 5], ['green', 2]),
            ballot('ion', ['skills', 4]),
          ]),
        },
        { poll: empty, results: tallyPoll(empty, []) },
      ],
      outcomes: [],
      attendance: [],
      person,
      now: '2026-03-01T10:25:00.000Z',
    });
    const doc = schema.nodeFromJSON({ type: 'doc', content: blocks });
    doc.check();
    expect(lines(doc)).toEqual([
      'h2 Rezultatul pentru „Priorities” — 1 martie 2026',
      'planificat 30 min, durată efectivă 0 min',
      'h3 Sondaje',
      'How ready are we? — notă de la 1 la 5, 2 votanți',
      'Opțiune | Nota medie | Votanți',
      'Skills | 4,5 / 5 | 2',
      'Green transition | 2 / 5 | 1',
      'Digital services | — | 0',
      'Nobody came — vot cu puncte, niciun vot',
      'h3 Decizii',
      'Nimic înregistrat.',
      'h3 Acțiuni',
      'Nimic înregistrat.',
    ]);
  });

  it('counts distinct people per organisation, ordered by country', () => {
    expect(aggregateAttendance(attendance, person, 'en')).toEqual([
      { organisationName: 'Region of Central Macedonia', country: 'GR', people: 1 },
      { organisationName: 'North-East RDA', country: 'RO', people: 2 },
    ]);
  });
});
