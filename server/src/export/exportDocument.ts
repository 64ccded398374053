import { EXPORT_CONTENT_TYPES, type ExportFormat, type ExportQuery } from '@polisee/contracts';
import type { JSONContent } from '@polisee/editor-schema';
import { recordAuditEntry } from '../audit/recordAuditEntry.js';
import type { Actor } from '../policies/policy.js';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import { getDocumentContent } from '../services/getDocumentContent.js';
import type { AuthenticatedActor } from '../services/loadActor.js';
import { getPublishedDocument } from '../services/reviews/publishVersion.js';
import { getVersionContent } from '../services/versions/readVersions.js';
import { commentsAppendix, verdictsAppendix } from './appendices.js';
import type { PdfPrinter } from './ChromiumPrinter.js';
import { exportFileName } from './exportFileName.js';
import type { Block, ExportTree } from './exportTree.js';
import { fill, formatDate, labelsFor } from './labels.js';
import { readExportBody } from './readExportTree.js';
import { renderHtml } from './renderHtml.js';
import { signoffsAppendix } from './signoffsAppendix.js';

export interface ExportFile {
  fileName: string;
  contentType: string;
  body: Buffer;
}

/**
 * A document exported to a file: as it is now, one version of it, or its published version.
 * Whoever may read the document may export it, with the same answers (404 for a document they
 * may not see, 403 where reading says 403): every read below goes through the read check.
 */
export async function exportDocument(
  ctx: ServiceContext,
  pdf: PdfPrinter,
  actor: AuthenticatedActor,
  documentId: string,
  query: ExportQuery,
): Promise<ExportFile> {
  const doc = await getReadableDocument(ctx, actor, documentId);
  const labels = labelsFor(doc.language);
  const source = await readSource(ctx, actor, documentId, query);
  const appendices: Block[] = [];
  if (query.comments) {
    appendices.push(...(await commentsAppendix(ctx, doc, labels, { resolved: query.resolved })));
  }
  if (query.verdicts) appendices.push(...(await verdictsAppendix(ctx, doc, labels)));
  // The contract asks for a version with `signoffs`: the current text has no sign-offs.
  if (query.signoffs && source.versionId) {
    appendices.push(...(await signoffsAppendix(ctx, actor, doc, source.versionId, labels)));
  }
  const tree: ExportTree = {
    title: doc.title,
    subtitle: fill(labels[source.subtitle], {
      n: source.versionNumber ?? '',
      date: formatDate(doc.language, source.date ?? ctx.now().toISOString()),
    }),
    body: readExportBody(source.json, labels),
    appendices,
  };
  const body = await render(tree, query.format, doc.language, pdf);
  await recordAuditEntry(ctx, {
    action: 'document.exported',
    actorId: actor.user.id,
    target: { type: 'document', id: documentId },
    details: {
      format: query.format,
      versionId: source.versionId,
      comments: query.comments,
      verdicts: query.verdicts,
      signoffs: query.signoffs,
    },
  });
  return {
    fileName: exportFileName(
      doc.title,
      query.format,
      source.versionNumber !== null ? ` v${source.versionNumber}` : '',
    ),
    contentType: EXPORT_CONTENT_TYPES[query.format],
    body,
  };
}

interface Source {
  json: JSONContent;
  subtitle: 'exportedOn' | 'versionOf' | 'publishedOn';
  versionId: string | null;
  versionNumber: number | null;
  date: string | null;
}

async function readSource(
  ctx: ServiceContext,
  actor: Actor,
  documentId: string,
  query: ExportQuery,
): Promise<Source> {
  if (query.published) {
    const published = await getPublishedDocument(ctx, actor, documentId);
    return {
      json: published.json,
      subtitle: 'publishedOn',
      versionId: published.version.id,
      versionNumber: null,
      date: published.publication.publishedAt,
    };
  }
  if (query.versionId) {
    const { version, json } = await getVersionContent(ctx, actor, documentId, query.versionId);
    return {
      json,
      subtitle: 'versionOf',
      versionId: version.id,
      versionNumber: version.number,
      date: version.createdAt,
    };
  }
  // The stored state (every accepted edit is appended to it), read off the main thread when large.
  const { json } = await getDocumentContent(ctx, actor, documentId);
  return { json, subtitle: 'exportedOn', versionId: null, versionNumber: null, date: null };
}

async function render(
  tree: ExportTree,
  format: ExportFormat,
  language: string,
  pdf: PdfPrinter,
): Promise<Buffer> {
  // The DOCX and Markdown writers are loaded on the first export that needs them: docx alone is
  // ~3 MB of heap that a server carries for nothing until someone exports.
  switch (format) {
    case 'docx': {
      const { renderDocx } = await import('./renderDocx.js');
      return renderDocx(tree);
    }
    case 'md': {
      const { renderMarkdown } = await import('./renderMarkdown.js');
      return Buffer.from(renderMarkdown(tree), 'utf8');
    }
    case 'pdf':
      return pdf.print(renderHtml(tree, language));
  }
}
