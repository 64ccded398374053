import type { Language, PoliDocument } from '@polisee/domain';
import { canOnSignoff, forbidden, type Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { toSignoffViews } from '../signoffs/signoffViews.js';
import { cell, heading, paragraph, text, type Block, type TableCell } from './exportTree.js';
import { fill, type ExportLabels } from './labels.js';

/**
 * The partner sign-offs requested on the exported version (decision 0065), oldest first: who
 * asked and when, the quorum, the status, and per organisation asked its signatory, answer,
 * reservations or objection and the time, with the SHA-256 kept with the version, which names
 * exactly what was consented to. The same record as the sign-off's CSV, in a document that
 * travels. Reading sign-offs is its own right: asking for them without it is refused.
 *
 * The status is the recorded one, as the catalogue's chips show it: a lapse is recorded when
 * the text is seen to move (a new version, someone opening the sign-offs). An export does not
 * record one: it reads, and the version it shows is the text consented to in any case.
 */
export async function signoffsAppendix(
  ctx: ServiceContext,
  actor: Actor,
  doc: PoliDocument,
  versionId: string,
  labels: ExportLabels,
): Promise<Block[]> {
  if (!canOnSignoff(actor, 'signoff.read', doc.workingGroupId)) throw forbidden();
  const all = await ctx.store.signoffs.listForDocument(doc.id);
  const onVersion = all.filter((r) => r.versionId === versionId).reverse();
  const views = await toSignoffViews(ctx, onVersion, all[0]?.id);
  const blocks: Block[] = [heading(1, labels.signoffs)];
  if (views.length === 0) blocks.push(paragraph(text(labels.noSignoffs)));
  const when = (iso: string) => formatDateTime(doc.language, iso);
  for (const view of views) {
    blocks.push(
      heading(
        2,
        `${fill(labels.signoffRequested, {
          name: view.requester?.name ?? '',
          date: when(view.requestedAt),
        })}: ${labels.signoffStatus[view.status]}`,
      ),
    );
    blocks.push(
      paragraph(
        text(
          view.quorum === 'all'
            ? labels.quorumAll
            : fill(labels.quorumNOfM, { n: view.required, m: view.organisationIds.length }),
        ),
      ),
    );
    if (view.message.trim() !== '') {
      blocks.push({
        kind: 'quote',
        blocks: view.message.split('\n').map((line) => paragraph(text(line))),
      });
    }
    blocks.push(paragraph(text(fill(labels.contentHash, { hash: view.version.contentHash }))));
    const rows: TableCell[][] = [
      [labels.organisation, labels.signatory, labels.answer, labels.answerText, labels.time].map(
        (h) => cell(h, true),
      ),
      ...view.organisations.map((o) => [
        cell(o.organisationName),
        // Who answered; for an organisation yet to answer, who signs for it now.
        cell(o.answer ? (o.answeredByName ?? '') : (o.signatoryName ?? labels.noSignatory)),
        cell(o.answer ? labels.signoffAnswers[o.answer.answer] : labels.awaiting),
        cell(o.answer?.text ?? ''),
        cell(o.answer ? when(o.answer.answeredAt) : ''),
      ]),
    ];
    blocks.push({ kind: 'table', caption: null, rows });
  }
  return blocks;
}

/** A date and time in UTC, named as such: answers are minutes apart across time zones. */
function formatDateTime(language: Language, iso: string): string {
  return new Intl.DateTimeFormat(language, {
    dateStyle: 'long',
    timeStyle: 'long',
    timeZone: 'UTC',
  }).format(new Date(iso));
}
