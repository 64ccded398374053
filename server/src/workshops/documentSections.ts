import type { DocumentSection } from '@polisee/contracts';
import { FRAGMENT_NAME } from '@polisee/editor-schema';
import * as Y from 'yjs';
import type { ServiceContext } from '../services/context.js';
import { getReadableDocument } from '../services/documents.js';
import type { LiveDocuments } from '../services/liveDocuments.js';
import type { Actor } from '../policies/policy.js';

/**
 * Sections of a document are its top-level headings, named by a Yjs relative position at the
 * start of the heading (`createRelativePositionFromTypeIndex(heading, 0)`). The position names
 * the heading's own items, never an offset: text inserted before it, typed inside it or deleted
 * around it leaves it naming the same heading, and it resolves to nothing once the heading
 * itself is gone (deleted, or turned into a paragraph, which replaces the element).
 *
 * Headings nested in lists or table cells are not sections: an agenda item moves everyone to a
 * part of the document, not into a cell.
 *
 * These read the Y types directly and never through y-prosemirror's binding, which deletes what
 * the schema cannot read from the document it reads.
 */

const HEADING = 'heading';
const MAX_LEVEL = 6;

/**
 * The sections of a document its reader may bind an agenda item to, read from the live
 * document (with edits not yet stored). Not found when the actor may not read it.
 */
export async function listDocumentSections(
  ctx: ServiceContext,
  live: LiveDocuments,
  actor: Actor,
  documentId: string,
): Promise<DocumentSection[]> {
  await getReadableDocument(ctx, actor, documentId);
  return live.read(documentId, documentSections);
}

/** The document's sections, in order. */
export function documentSections(doc: Y.Doc): DocumentSection[] {
  return headingElements(doc).map((element) => ({
    anchor: anchorOf(element),
    level: levelOf(element),
    heading: headingText(element),
  }));
}

/** Where a section is now: its place among the sections, its level and its text. */
export interface ResolvedSection {
  /** Index into `documentSections(doc)`. */
  index: number;
  level: number;
  heading: string;
}

/** The heading an anchor names, as it reads now; null when the heading is gone (or never was). */
export function resolveSectionAnchor(doc: Y.Doc, anchor: string): ResolvedSection | null {
  let position: Y.RelativePosition;
  try {
    position = Y.decodeRelativePosition(Buffer.from(anchor, 'base64'));
  } catch {
    return null;
  }
  const absolute = Y.createAbsolutePositionFromRelativePosition(position, doc);
  if (!absolute) return null;
  const element = absolute.type;
  if (!(element instanceof Y.XmlElement)) return null;
  const index = headingElements(doc).indexOf(element);
  if (index === -1) return null;
  return { index, level: levelOf(element), heading: headingText(element) };
}

function headingElements(doc: Y.Doc): Y.XmlElement[] {
  const headings: Y.XmlElement[] = [];
  for (const child of doc.getXmlFragment(FRAGMENT_NAME).toArray()) {
    if (child instanceof Y.XmlElement && child.nodeName === HEADING) headings.push(child);
  }
  return headings;
}

function anchorOf(element: Y.XmlElement): string {
  const position = Y.createRelativePositionFromTypeIndex(element, 0);
  return Buffer.from(Y.encodeRelativePosition(position)).toString('base64');
}

function levelOf(element: Y.XmlElement): number {
  const level = Number(element.getAttribute('level'));
  return Number.isInteger(level) ? Math.min(Math.max(level, 1), MAX_LEVEL) : 1;
}

/** The heading's plain text: its characters without formatting; a line break reads as a space. */
function headingText(element: Y.XmlElement): string {
  let text = '';
  for (const child of element.toArray()) {
    if (child instanceof Y.XmlText) {
      for (const op of child.toDelta() as { insert?: unknown }[]) {
        if (typeof op.insert === 'string') text += op.insert;
      }
    } else if (child instanceof Y.XmlElement) {
      text += ' ';
    }
  }
  return text.replace(/\s+/g, ' ').trim();
}
