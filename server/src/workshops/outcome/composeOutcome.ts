import type { PollResults, WorkshopPerson } from '@polisee/contracts';
import type { JSONContent } from '@polisee/editor-schema';
import type {
  AgendaItem,
  Attendance,
  Language,
  Poll,
  Workshop,
  WorkshopOutcome,
} from '@polisee/domain';
import { heading, paragraph, table } from '../../content/templateContent.js';
import { MAX_SCORE } from '../polls/validateBallot.js';
import { outcomeText, type OutcomeText } from './outcomeText.js';

export interface OutcomeInput {
  workshop: Workshop;
  /** The notes document's language: the section is written in it. */
  language: Language;
  /** The whole workshop, or one agenda item (its polls and outcomes only). */
  agendaItemId: string | null;
  /** The workshop's polls with their tallies; only closed ones are written. */
  polls: { poll: Poll; results: PollResults }[];
  outcomes: WorkshopOutcome[];
  attendance: Attendance[];
  person: (userId: string) => WorkshopPerson | undefined;
  /** Now, for the time spent so far on the item under way. */
  now: string;
}

/** Attendance for the notes: distinct people per organisation, with its country. */
export interface AttendanceRow {
  organisationName: string;
  country: string;
  people: number;
}

/**
 * The outcome section as ProseMirror JSON in the shared editor schema (headings, paragraphs,
 * bullet and task lists, tables): a level-2 heading, then level-3 parts. Pure; the caller
 * writes it into the notes.
 *  - whole workshop: agenda with time spent, attendance, polls, decisions, actions;
 *  - one agenda item: its time, its polls, decisions and actions.
 * Polls still open are left out: before close no tally goes to anyone, and a document is read
 * by everyone. Who voted what in named polls stays on the workshop page: a document's history
 * keeps every version for good, and the tally is what the notes need.
 */
export function composeOutcome(input: OutcomeInput): JSONContent[] {
  const t = outcomeText(input.language);
  const { workshop, agendaItemId } = input;
  const item = agendaItemId === null ? null : workshop.agenda.find((a) => a.id === agendaItemId);
  if (item === undefined) throw new Error(`No agenda item ${agendaItemId} in the workshop.`);
  const day = workshop.startedAt ?? workshop.startsAt;
  const inScope = (of: { agendaItemId: string | null }) =>
    item === null || of.agendaItemId === item.id;
  // The whole workshop names the item each poll and outcome belongs to; one item needs not.
  const itemOf = (id: string | null) =>
    item === null && id !== null ? workshop.agenda.find((a) => a.id === id) : undefined;

  const blocks: JSONContent[] = [];
  if (item === null) {
    blocks.push(heading(2, t.title(day)), paragraph(workshop.title));
    blocks.push(heading(3, t.words.agenda), agendaList(input, t));
    blocks.push(heading(3, t.words.attendance), attendanceBlock(input, t));
  } else {
    blocks.push(heading(2, t.itemTitle(item.title, day)));
    blocks.push(paragraph(timing(item, input, t)));
  }

  const polls = input.polls.filter(({ poll }) => poll.status === 'closed' && inScope(poll));
  if (polls.length > 0) {
    blocks.push(heading(3, t.words.polls));
    for (const { poll, results } of polls) blocks.push(...pollBlocks(poll, results, itemOf, t));
  }

  const outcomes = input.outcomes.filter(inScope);
  const decisions = outcomes.filter((o) => o.kind === 'decision');
  blocks.push(heading(3, t.words.decisions));
  blocks.push(
    decisions.length === 0
      ? paragraph(t.words.none)
      : list(
          'bulletList',
          decisions.map((d) => inlines(d.text, suffix(itemOf(d.agendaItemId)))),
        ),
  );
  const actions = outcomes.filter((o) => o.kind === 'action');
  blocks.push(heading(3, t.words.actions));
  blocks.push(
    actions.length === 0
      ? paragraph(t.words.none)
      : list(
          'taskList',
          actions.map((a) =>
            inlines(a.text, actionDetails(a, input, t), suffix(itemOf(a.agendaItemId))),
          ),
        ),
  );
  return blocks;
}

/** Distinct people per organisation and country, ordered by country, then organisation. */
export function aggregateAttendance(
  stays: readonly Attendance[],
  person: (userId: string) => WorkshopPerson | undefined,
  language: Language,
): AttendanceRow[] {
  const byOrganisation = new Map<string, { row: AttendanceRow; people: Set<string> }>();
  for (const stay of stays) {
    const who = person(stay.userId);
    const organisationName = who?.organisationName ?? '';
    const country = who?.country ?? 'ZZ';
    const key = `${country}\u0000${organisationName}`;
    const entry = byOrganisation.get(key) ?? {
      row: { organisationName, country, people: 0 },
      people: new Set<string>(),
    };
    entry.people.add(stay.userId);
    entry.row.people = entry.people.size;
    byOrganisation.set(key, entry);
  }
  const collator = new Intl.Collator(language);
  return [...byOrganisation.values()]
    .map((e) => e.row)
    .sort(
      (a, b) =>
        collator.compare(a.country, b.country) ||
        collator.compare(a.organisationName, b.organisationName),
    );
}

function agendaList(input: OutcomeInput, t: OutcomeText): JSONContent {
  return list(
    'bulletList',
    input.workshop.agenda.map((item) => [
      { type: 'text', text: item.title, marks: [{ type: 'bold' }] },
      { type: 'text', text: ` — ${timing(item, input, t)}` },
    ]),
  );
}

/** Planned and spent minutes; the item under way counts its time so far. */
function timing(item: AgendaItem, input: OutcomeInput, t: OutcomeText): string {
  const { workshop } = input;
  let seconds = item.spentSeconds;
  const current = workshop.currentItem === null ? null : workshop.agenda[workshop.currentItem];
  if (current?.id === item.id && workshop.currentItemSince !== null) {
    seconds += Math.max(0, (Date.parse(input.now) - Date.parse(workshop.currentItemSince)) / 1000);
  }
  return t.timing(item.minutes, Math.round(seconds / 60));
}

function attendanceBlock(input: OutcomeInput, t: OutcomeText): JSONContent {
  const rows = aggregateAttendance(input.attendance, input.person, input.language);
  if (rows.length === 0) return paragraph(t.words.none);
  return table(
    [t.words.organisation, t.words.country, t.words.people],
    rows.map((r) => [r.organisationName, t.country(r.country), t.number(r.people)]),
  );
}

function pollBlocks(
  poll: Poll,
  results: PollResults,
  itemOf: (id: string | null) => AgendaItem | undefined,
  t: OutcomeText,
): JSONContent[] {
  const summary = `${t.words.kinds[poll.kind]}, ${
    results.voters === 0 ? t.words.noVotes : t.voterCount(results.voters)
  }`;
  const title: JSONContent = {
    type: 'paragraph',
    content: [
      ...textNodes(poll.question, [{ type: 'bold' }]),
      ...textNodes(` — ${summary}`),
      ...suffix(itemOf(poll.agendaItemId)),
    ],
  };
  if (results.voters === 0) return [title];
  const optionText = new Map(poll.options.map((o) => [o.id, o.text]));
  const score = poll.kind === 'score';
  const header = score
    ? [t.words.option, t.words.meanScore, t.words.voters]
    : [t.words.option, poll.kind === 'dots' ? t.words.dots : t.words.votes, t.words.share];
  const rows = results.options.map((r) => [
    optionText.get(r.optionId) ?? '',
    score ? (r.mean === null ? '—' : `${t.number(r.mean)} / ${MAX_SCORE}`) : t.number(r.total),
    score ? t.number(r.voters) : t.percent(r.percent),
  ]);
  return [title, table(header, rows)];
}

function actionDetails(action: WorkshopOutcome, input: OutcomeInput, t: OutcomeText) {
  const details: string[] = [];
  const owner = action.ownerId === null ? undefined : input.person(action.ownerId);
  if (owner) details.push(`${t.words.owner}: ${owner.name}`);
  if (action.dueDate !== null) details.push(`${t.words.due}: ${t.date(action.dueDate)}`);
  return details.length === 0 ? [] : textNodes(` — ${details.join(', ')}`);
}

/** The agenda item a poll or outcome belongs to, in italics after it. */
function suffix(item: AgendaItem | undefined): JSONContent[] {
  return item ? textNodes(` (${item.title})`, [{ type: 'italic' }]) : [];
}

/** User text as inline content: its line breaks kept as hard breaks, no empty text nodes. */
function inlines(text: string, ...after: JSONContent[][]): JSONContent[] {
  const lines = text.split(/\r?\n/);
  const content: JSONContent[] = [];
  lines.forEach((line, i) => {
    if (i > 0) content.push({ type: 'hardBreak' });
    content.push(...textNodes(line));
  });
  return [...content, ...after.flat()];
}

function textNodes(text: string, marks?: JSONContent['marks']): JSONContent[] {
  if (text === '') return [];
  return [marks ? { type: 'text', text, marks } : { type: 'text', text }];
}

function list(type: 'bulletList' | 'taskList', items: JSONContent[][]): JSONContent {
  return {
    type,
    content: items.map((content) => ({
      type: type === 'taskList' ? 'taskItem' : 'listItem',
      ...(type === 'taskList' ? { attrs: { checked: false } } : {}),
      content: [content.length > 0 ? { type: 'paragraph', content } : { type: 'paragraph' }],
    })),
  };
}
