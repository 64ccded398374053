import type { Attribute } from '@tiptap/core';

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
