import { searchTokens, searchWords } from '@polisee/domain';
import type { TextRange } from './port.js';

/**
 * A query's words as both adapters match them: every word exactly but the last, which matches
 * any indexed word it begins (the reader may still be typing it).
 */
export interface SearchTerms {
  /** Folded, without repeats; the last word of the query is not among them. */
  words: string[];
  /** The last word of the query, folded. */
  prefix: string;
}

/** Words past this are ignored: a longer query adds cost, not precision. */
export const SEARCH_QUERY_WORDS = 12;

/** The query's terms; null when it has no word at all (such a query finds nothing). */
export function searchTermsOf(text: string): SearchTerms | null {
  const all = searchWords(text).slice(0, SEARCH_QUERY_WORDS);
  const prefix = all.pop();
  if (prefix === undefined) return null;
  return { words: [...new Set(all)], prefix };
}

/** Whether an indexed word (folded) is one the query asks for. */
export function matchesTerms(token: string, terms: SearchTerms): boolean {
  return token.startsWith(terms.prefix) || terms.words.includes(token);
}

/** Every word of `text` the query asks for, as ranges of `text`. */
export function matchedRanges(text: string, terms: SearchTerms): TextRange[] {
  const ranges: TextRange[] = [];
  for (const t of searchTokens(text)) {
    if (matchesTerms(t.token, terms)) ranges.push({ start: t.start, end: t.end });
  }
  return ranges;
}

/** The index's words of an entry: each distinct folded word of its title and body. */
export function indexedWords(...texts: string[]): string[] {
  const words = new Set<string>();
  for (const text of texts) for (const word of searchWords(text)) words.add(word);
  return [...words];
}
