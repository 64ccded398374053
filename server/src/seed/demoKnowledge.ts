import type { DocumentVersion, PoliDocument } from '@polisee/domain';
import type { JSONContent } from '@polisee/editor-schema';
import { heading, paragraph, table, templateToContent } from '../content/templateContent.js';
import type { ServiceContext } from '../services/context.js';
import { recordVersion, versionState } from '../services/versions/recordVersion.js';
import { TEMPLATES } from '../templates/catalog.js';

/**
 * The knowledge base of the demo workspace (decision 0062): one good practice, published, that
 * the English plan links to, so that a fresh start shows an entry with a "referenced by".
 */

export const GOOD_PRACTICE_TITLE = 'Innovation vouchers for cluster SMEs in North-East Romania';

/** The good practice as its drafters wrote it: the template's sections, filled in. */
export function goodPracticeContent(): JSONContent {
  const content = templateToContent(GOOD_PRACTICE_TITLE, TEMPLATES.good_practice.en);
  const [title, ...sections] = content.content ?? [];
  return {
    type: 'doc',
    content: [
      title!,
      paragraph(
        'Small innovation vouchers let the SMEs of two regional clusters buy testing, design and prototyping services from universities and research institutes, and turned one-off contacts into lasting cooperation with research.',
      ),
      heading(2, 'The practice in brief'),
      paragraph(
        'The North-East Regional Development Agency ran three calls over two years. A voucher covered up to 80% of a service bought from an accredited research provider, with a simple two-page application and a decision within four weeks. Cluster managers helped firms find the right provider and write the request.',
      ),
      table(
        ['Indicator', 'Before', 'After', 'Source'],
        [
          ['SMEs working with a research provider', '12', '47', 'Agency monitoring'],
          ['Joint applications to national R&D calls', '2', '9', 'Cluster reports'],
        ],
      ),
      ...sections,
    ],
  };
}

/** The paragraph of the plan that links to the good practice (an app URL, as the editor keeps). */
export function linkToGoodPractice(href: string): JSONContent {
  return {
    type: 'paragraph',
    content: [
      { type: 'text', text: 'Action 2.1 builds on a good practice of the programme: ' },
      { type: 'text', text: GOOD_PRACTICE_TITLE, marks: [{ type: 'link', attrs: { href } }] },
      { type: 'text', text: '.' },
    ],
  };
}

/**
 * Publishes a seeded document as the review workflow would have: a `published` copy of its
 * first version in the history, a publication of that version and the status `published`.
 */
export async function publishSeeded(
  ctx: ServiceContext,
  doc: PoliDocument,
  created: DocumentVersion,
  publishedBy: string,
): Promise<void> {
  await recordVersion(ctx, {
    document: doc,
    kind: 'published',
    createdBy: publishedBy,
    documentStatus: 'published',
    sourceVersionId: created.id,
    captured: {
      state: await versionState(ctx, created),
      stateVector: created.stateVector,
      contentHash: created.contentHash,
    },
    contributorIds: [],
  });
  await ctx.store.publications.add({
    id: ctx.newId(),
    documentId: doc.id,
    versionId: created.id,
    publishedAt: ctx.now().toISOString(),
    publishedBy,
  });
  await ctx.store.documents.update(doc.id, { status: 'published' });
}
