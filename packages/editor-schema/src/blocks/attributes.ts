import { mergeAttributes, Node, type Attribute } from '@tiptap/core';

/**
 * Declares a node attribute kept in the HTML as `data-<kebab-name>`, so a block survives a
 * copy and paste between editors (and HTML export) without any node view.
 */
type Kind = 'string' | 'number' | 'boolean';

const dataName = (attribute: string) =>
  `data-${attribute.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)}`;

function parse(kind: Kind, raw: string | null): unknown {
  if (raw === null) return null;
  if (kind === 'string') return raw;
  if (kind === 'boolean') return raw === 'true';
  // An empty or non-numeric value is "not set", never NaN (NaN is not a JSON value).
  if (raw.trim() === '') return null;
  const number = Number(raw);
  return Number.isFinite(number) ? number : null;
}

export function dataAttribute(name: string, kind: Kind, fallback: unknown = null): Attribute {
  const html = dataName(name);
  return {
    default: fallback,
    parseHTML: (element) => {
      const value = parse(kind, element.getAttribute(html));
      return value === null ? fallback : value;
    },
    renderHTML: (attributes) => {
      const value = attributes[name] as unknown;
      return value === null || value === undefined ? {} : { [html]: String(value) };
    },
  };
}

/** The `data-type` an element of a block carries, for parseHTML and renderHTML. */
export function blockTag(type: string) {
  return { tag: `div[data-type="${type}"]` };
}

/** What a block node is drawn as without a node view: a `div` with its `data-type`. */
function asDiv(dataType: string, hasContent: boolean) {
  return {
    parseHTML: () => [blockTag(dataType)],
    renderHTML: ({ HTMLAttributes }: { HTMLAttributes: Record<string, unknown> }) =>
      hasContent
        ? (['div', mergeAttributes({ 'data-type': dataType }, HTMLAttributes), 0] as const)
        : (['div', mergeAttributes({ 'data-type': dataType }, HTMLAttributes)] as const),
  };
}

/**
 * A top-level method block (decision 0049). Its children make sense only inside it: Enter,
 * Backspace and paste never split it (`isolating`, `defining`); it is selected and dragged whole.
 */
export function methodBlock(
  name: string,
  dataType: string,
  content: string,
  attributes: Record<string, Attribute>,
) {
  return Node.create({
    name,
    group: 'block',
    content,
    isolating: true,
    defining: true,
    selectable: true,
    draggable: true,
    addAttributes: () => ({ ...attributes }),
    ...asDiv(dataType, true),
  });
}

/** A child of a block edited as a whole (a row, a driver, an indicator): an atom with attributes. */
export function blockItem(name: string, dataType: string, attributes: Record<string, Attribute>) {
  return Node.create({
    name,
    atom: true,
    selectable: true,
    addAttributes: () => ({ ...attributes }),
    ...asDiv(dataType, false),
  });
}

/** A child of a block with text of its own (a scenario's narrative). */
export function blockItemWithText(
  name: string,
  dataType: string,
  content: string,
  attributes: Record<string, Attribute>,
) {
  return Node.create({
    name,
    content,
    isolating: true,
    defining: true,
    selectable: true,
    addAttributes: () => ({ ...attributes }),
    ...asDiv(dataType, true),
  });
}
