import { KNOWLEDGE_LIMITS } from '@polisee/contracts';

/** A ProseMirror JSON node, as far as these walks read it. */
interface JsonNode {
  type?: string;
  text?: string;
  marks?: { type?: string; attrs?: { href?: unknown } }[];
  content?: JsonNode[];
}

/**
 * The app's URLs of a document: `/documents/:id` (the editor, with any sub-path such as
 * `/history`) and `/knowledge/:id` (the published view). Any host: the editor only keeps
 * absolute links, the server does not know every name it is reached by, and ids are random
 * UUIDs, so a path of another site naming one of ours is not a concern (decision 0062).
 */
const DOCUMENT_PATH = /^\/(?:documents|knowledge)\/([\w-]{1,64})(?:\/|$)/;

/** The document id an href points at, or null for any other link. */
export function documentIdOfHref(href: string): string | null {
  let url: URL;
  try {
    url = new URL(href);
  } catch {
    return null;
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') return null;
  return DOCUMENT_PATH.exec(url.pathname)?.[1] ?? null;
}

/** The distinct ids of the documents a content links to, in the order they first appear. */
export function linkedDocumentIds(json: unknown): string[] {
  const ids = new Set<string>();
  const walk = (node: JsonNode) => {
    for (const mark of node.marks ?? []) {
      const href = mark.type === 'link' ? mark.attrs?.href : undefined;
      const id = typeof href === 'string' ? documentIdOfHref(href) : null;
      if (id) ids.add(id);
    }
    for (const child of node.content ?? []) walk(child);
  };
  walk(json as JsonNode);
  return [...ids];
}

function textOf(node: JsonNode): string {
  if (node.type === 'text') return node.text ?? '';
  return (node.content ?? []).map(textOf).join('');
}

/**
 * What a card shows of an entry: its first paragraph with text (the title is a heading), cut at
 * a word boundary near `KNOWLEDGE_LIMITS.summaryChars`, with an ellipsis when cut.
 */
export function summaryOf(json: unknown): string {
  const paragraph = ((json as JsonNode).content ?? [])
    .filter((n) => n.type === 'paragraph')
    .map((n) => textOf(n).replace(/\s+/g, ' ').trim())
    .find((text) => text.length > 0);
  if (!paragraph) return '';
  const max = KNOWLEDGE_LIMITS.summaryChars;
  if (paragraph.length <= max) return paragraph;
  const cut = paragraph.slice(0, max);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > max / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
