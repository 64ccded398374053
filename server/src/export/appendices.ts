import { THEMATIC_PRIORITIES, type PoliDocument } from '@polisee/domain';
import type { ServiceContext } from '../services/context.js';
import { toThreadViews } from '../services/threads/threadViews.js';
import {
  cell,
  heading,
  paragraph,
  text,
  type Block,
  type ListItem,
  type TableCell,
} from './exportTree.js';
import { fill, formatDate, type ExportLabels } from './labels.js';

/**
 * The comments as an appendix, grouped by thematic priority (the programme reads comments per
 * priority: the inboxes are per priority too), each thread with its quote, its status and its
 * messages. An appendix rather than Word comments at the text: a version's text is not the
 * text the threads are anchored in now, and Markdown and PDF have no comments (decision 0060).
 */
export async function commentsAppendix(
  ctx: ServiceContext,
  doc: PoliDocument,
  labels: ExportLabels,
  options: { resolved: boolean },
): Promise<Block[]> {
  const rows = await ctx.store.threads.listForDocument(
    doc.id,
    options.resolved ? {} : { status: 'open' },
  );
  const threads = await toThreadViews(ctx, rows);
  const blocks: Block[] = [heading(1, labels.comments)];
  if (threads.length === 0) blocks.push(paragraph(text(labels.noComments)));
  const date = (iso: string) => formatDate(doc.language, iso);
  for (const priority of THEMATIC_PRIORITIES) {
    const group = threads
      .filter((t) => t.priority === priority)
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
    if (group.length === 0) continue;
    blocks.push(heading(2, labels.priorities[priority]));
    for (const thread of group) {
      const names = new Map(thread.people.map((p) => [p.id, personName(p)]));
      const about = thread.quote
        ? fill(labels.onText, { quote: thread.quote })
        : labels.documentThread;
      blocks.push(
        paragraph(
          text(about, { bold: true }),
          text(` (${thread.status === 'resolved' ? labels.resolved : labels.open})`),
        ),
      );
      const items: ListItem[] = thread.messages.map((m) => ({
        checked: null,
        blocks: [
          paragraph(
            text(`${names.get(m.authorId) ?? ''}, ${date(m.createdAt)}: `, { italic: true }),
            text(m.deletedAt ? labels.deleted : m.body),
          ),
        ],
      }));
      if (items.length > 0) blocks.push({ kind: 'list', ordered: false, start: 1, items });
    }
  }
  return blocks;
}

/** The review rounds, oldest first, each with its reviewers' verdicts. */
export async function verdictsAppendix(
  ctx: ServiceContext,
  doc: PoliDocument,
  labels: ExportLabels,
): Promise<Block[]> {
  const [reviews, users, organisations] = await Promise.all([
    ctx.store.reviews.listForDocument(doc.id),
    ctx.store.users.list(),
    ctx.store.organisations.list(),
  ]);
  const orgNames = new Map(organisations.map((o) => [o.id, o.name]));
  const names = new Map(
    users.map((u) => [
      u.id,
      personName({ name: u.name, organisationName: orgNames.get(u.organisationId) ?? '' }),
    ]),
  );
  const blocks: Block[] = [heading(1, labels.verdicts)];
  if (reviews.length === 0) blocks.push(paragraph(text(labels.noReviews)));
  for (const review of [...reviews].sort((a, b) => a.round - b.round)) {
    blocks.push(
      heading(
        2,
        fill(labels.round, { n: review.round, date: formatDate(doc.language, review.requestedAt) }),
      ),
    );
    const rows: TableCell[][] = [
      [labels.reviewer, labels.verdict, labels.summary, labels.date].map((h) => cell(h, true)),
      ...review.reviewers.map((r) => [
        cell(names.get(r.userId) ?? ''),
        cell(r.verdict ? labels.verdictNames[r.verdict] : labels.pending),
        cell(r.summary ?? ''),
        cell(r.givenAt ? formatDate(doc.language, r.givenAt) : ''),
      ]),
    ];
    blocks.push({ kind: 'table', caption: null, rows });
  }
  return blocks;
}

function personName(person: { name: string; organisationName: string }): string {
  return person.organisationName ? `${person.name} (${person.organisationName})` : person.name;
}
