import { Fragment, createElement, type ReactNode } from 'react';

/*
 * Puts React nodes (links, emphasis) into a translated sentence without parsing markup out of
 * user data. react-i18next's <Trans> interpolates values first and parses tags after, so a
 * document titled "<b>Plan</b>" would come out bold; here values never pass through a parser.
 */

const MARK = '\u2063';

/** Placeholder values to hand to `t()`: each comes back as a marker `splitMarked` finds. */
export function markersFor<K extends string>(names: readonly K[]): Record<K, string> {
  return Object.fromEntries(names.map((name) => [name, `${MARK}${name}${MARK}`])) as Record<
    K,
    string
  >;
}

/** Splits a string produced with `markersFor` into text and the named parts, in order. */
export function splitMarked(text: string): ({ text: string } | { name: string })[] {
  const parts: ({ text: string } | { name: string })[] = [];
  const pattern = new RegExp(`${MARK}([^${MARK}]+)${MARK}`, 'g');
  let last = 0;
  for (const match of text.matchAll(pattern)) {
    if (match.index > last) parts.push({ text: text.slice(last, match.index) });
    parts.push({ name: match[1] ?? '' });
    last = match.index + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last) });
  return parts;
}

export function interpolateNodes(text: string, nodes: Record<string, ReactNode>): ReactNode {
  return createElement(
    Fragment,
    null,
    ...splitMarked(text).map((part, index) =>
      createElement(
        Fragment,
        { key: index },
        'text' in part ? part.text : (nodes[part.name] ?? null),
      ),
    ),
  );
}
