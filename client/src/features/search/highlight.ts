import type { SearchTextRange } from '@polisee/contracts';

/** A piece of a text, marked when it is a match. */
export interface TextSegment {
  text: string;
  marked: boolean;
}

const isHigh = (code: number) => code >= 0xd800 && code <= 0xdbff;
const isLow = (code: number) => code >= 0xdc00 && code <= 0xdfff;

/**
 * Cuts `text` into plain and marked pieces along `ranges` (UTF-16 offsets, end excluded).
 * Ranges come from the server and the text may have been cut around them, so they are
 * clamped, widened so as never to split a surrogate pair (half an emoji would render as �),
 * and merged when they overlap or touch: one <mark> per run of matched text.
 */
export function highlightSegments(text: string, ranges: readonly SearchTextRange[]): TextSegment[] {
  const clean = ranges
    .map(({ start, end }) => {
      let from = Math.max(0, Math.min(start, text.length));
      let to = Math.max(0, Math.min(end, text.length));
      if (from > 0 && isLow(text.charCodeAt(from)) && isHigh(text.charCodeAt(from - 1))) from -= 1;
      if (
        to < text.length &&
        to > 0 &&
        isHigh(text.charCodeAt(to - 1)) &&
        isLow(text.charCodeAt(to))
      )
        to += 1;
      return { start: from, end: to };
    })
    .filter((range) => range.start < range.end)
    .sort((a, b) => a.start - b.start);

  const merged: SearchTextRange[] = [];
  for (const range of clean) {
    const last = merged.at(-1);
    if (last && range.start <= last.end) last.end = Math.max(last.end, range.end);
    else merged.push({ ...range });
  }

  const segments: TextSegment[] = [];
  let at = 0;
  for (const { start, end } of merged) {
    if (start > at) segments.push({ text: text.slice(at, start), marked: false });
    segments.push({ text: text.slice(start, end), marked: true });
    at = end;
  }
  if (at < text.length) segments.push({ text: text.slice(at), marked: false });
  return segments;
}
