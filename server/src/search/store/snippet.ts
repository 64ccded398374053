import { searchTokens, type SearchToken } from '@polisee/domain';
import type { Snippet, TextRange } from './port.js';
import { matchesTerms, type SearchTerms } from './searchTerms.js';

/** About how much text a snippet holds, and how much of it comes before the first match. */
export const SNIPPET_CHARS = 200;
const CONTEXT_BEFORE = 60;

/**
 * The piece of `body` around its first word the query asks for, cut at word boundaries, with
 * each matching word in it. Computed on the original text by walking its words, so offsets are
 * right whatever folding did to lengths (decomposed accents, final sigma). Without a match in
 * the body (the title matched), the body's beginning, with no range.
 */
export function snippetOf(body: string, terms: SearchTerms): Snippet {
  // Iterated by hand: a for-of that breaks would close the generator, and the walk goes on
  // after the first match to find the others within the snippet.
  const words = searchTokens(body);
  const starts: number[] = [];
  let first: SearchToken | null = null;
  for (let w = words.next(); !w.done; w = words.next()) {
    if (matchesTerms(w.value.token, terms)) {
      first = w.value;
      break;
    }
    starts.push(w.value.start);
  }
  // From the first word that begins within CONTEXT_BEFORE of the match (or the match itself).
  let from = 0;
  if (first && first.start > CONTEXT_BEFORE) {
    const match = first;
    from = starts.find((s) => s >= match.start - CONTEXT_BEFORE) ?? match.start;
  }
  const limit = from + SNIPPET_CHARS;
  const ranges: TextRange[] = [];
  // Ends after the last whole word within the limit, unless the rest of the body fits.
  let to = limit >= body.length ? body.length : from;
  const rest = first ? words : searchTokens(body);
  for (let w = first ?? rest.next().value; w; w = rest.next().value) {
    if (w.end > limit) break;
    if (w.start < from) continue;
    if (matchesTerms(w.token, terms)) ranges.push({ start: w.start - from, end: w.end - from });
    if (limit < body.length) to = w.end;
  }
  // One word longer than the whole snippet: cut inside it rather than show nothing.
  if (to === from && from < body.length) to = Math.min(limit, body.length);
  return { text: body.slice(from, to), ranges, cutStart: from > 0, cutEnd: to < body.length };
}
