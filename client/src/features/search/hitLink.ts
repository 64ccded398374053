import type { SearchItem, SearchMatchQuote } from '@polisee/contracts';
import { paths } from '../../routes/paths';

/**
 * The quote a document is opened at travels in its address, so a link to a match can be
 * shared like any other: `?find=<exact>&findPrefix=<before>&findSuffix=<after>`.
 */
export const FIND_PARAM = 'find';
export const FIND_PREFIX_PARAM = 'findPrefix';
export const FIND_SUFFIX_PARAM = 'findSuffix';

export function documentAtMatch(documentId: string, match: SearchMatchQuote | null): string {
  if (!match || match.exact === '') return paths.document(documentId);
  const params = new URLSearchParams({ [FIND_PARAM]: match.exact });
  if (match.prefix) params.set(FIND_PREFIX_PARAM, match.prefix);
  if (match.suffix) params.set(FIND_SUFFIX_PARAM, match.suffix);
  return `${paths.document(documentId)}?${params.toString()}`;
}

/** The quote named by a document's address, if any. */
export function matchFromParams(params: URLSearchParams): SearchMatchQuote | null {
  const exact = params.get(FIND_PARAM);
  if (!exact) return null;
  return {
    exact,
    prefix: params.get(FIND_PREFIX_PARAM) ?? '',
    suffix: params.get(FIND_SUFFIX_PARAM) ?? '',
  };
}

/**
 * Where a hit opens: a thread in its document with the sidebar on it, a workshop decision in
 * its workshop, a knowledge-base entry in its published view (the whole workspace reads it, not
 * always its draft), a document at the matched text. Null for a hit that
 * names nothing to open (the index lists it, but it cannot be reached).
 */
export function hitLink(item: SearchItem): string | null {
  if (item.type === 'thread' && item.documentId && item.threadId) {
    return paths.documentThread(item.documentId, item.threadId);
  }
  if (item.type === 'decision' && item.workshopId) return paths.workshop(item.workshopId);
  if (item.type === 'knowledge' && item.documentId) return paths.knowledgeEntry(item.documentId);
  if (item.documentId) return documentAtMatch(item.documentId, item.match);
  if (item.workshopId) return paths.workshop(item.workshopId);
  return null;
}
