/**
 * The one way text is made comparable for search (decision 0055). Indexing (both store adapters)
 * and querying go through `searchTokens`, so a word is split and folded the same way on both
 * sides: accents and case never decide whether a document is found, in any of the six languages.
 */

const MARKS = /\p{M}/gu;
const FINAL_SIGMA = /ς/g;
const ASCII = /^\p{ASCII}*$/u;

/**
 * Canonical decomposition, combining marks removed, recomposed, lower-cased: `ΠΟΛΙΤΙΚΉ`,
 * `πολιτική` and `πολιτικη` all become `πολιτικη`; Romanian `ș`/`ş`, Hungarian `ő`, Albanian
 * `ë` lose their marks. Final sigma becomes `σ` (what Unicode case folding does), because
 * `toLowerCase` writes `ς` only at a word's end, and a prefix typed so far has no end yet.
 * Canonical forms only (not NFKD): ligatures and full-width forms are kept as written.
 */
export function normaliseForSearch(text: string): string {
  // Most words of English text need neither decomposition nor a Greek rule.
  if (ASCII.test(text)) return text.toLowerCase();
  return text
    .normalize('NFD')
    .replace(MARKS, '')
    .normalize('NFC')
    .toLowerCase()
    .replace(FINAL_SIGMA, 'σ');
}

/**
 * The longest token kept (code points); longer runs are cut, the same way when indexing and
 * querying, so that a pasted hash or URL cannot make one index key of any size.
 */
export const SEARCH_TOKEN_MAX = 64;

/** A word of the original text: its folded form and where it stands (UTF-16 offsets). */
export interface SearchToken {
  token: string;
  start: number;
  end: number;
}

// Letters and digits make a word; marks stay with the word they follow, so that text in
// decomposed form (NFD) is split where the same text precomposed is.
const WORD = /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*/gu;

function cut(token: string): string {
  if (token.length <= SEARCH_TOKEN_MAX) return token;
  return Array.from(token).slice(0, SEARCH_TOKEN_MAX).join('');
}

/** Every word of `text` in order, folded, with its range in `text` (for highlighting). */
export function* searchTokens(text: string): Generator<SearchToken, void, undefined> {
  for (const m of text.matchAll(WORD)) {
    const token = cut(normaliseForSearch(m[0]));
    if (token) yield { token, start: m.index, end: m.index + m[0].length };
  }
}

/** The folded words of `text`, in order, repeats included. */
export function searchWords(text: string): string[] {
  return Array.from(searchTokens(text), (t) => t.token);
}
