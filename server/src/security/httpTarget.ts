import { AppError } from '@polisee/domain';
import type { RequestHandler } from 'express';

/** A request target (`/path?query`) whose path and query decode; the path decoded. */
export interface RequestTarget {
  /** Percent-decoded, without the query. */
  path: string;
  /** As received, without the leading `?`. */
  query: string;
}

/**
 * Decodes a request target once, at the edge, or says it is malformed: anything that is not
 * origin-form (`/…`), a percent-encoding that does not decode to UTF-8 (`/collab/%`,
 * `/%E0%A4%A`), or a NUL byte. Never throws: `decodeURIComponent` deeper in the stack threw a
 * URIError on such input and took the process down (security issue 11, finding 1).
 */
export function decodeRequestTarget(raw: string | undefined): RequestTarget | null {
  if (!raw?.startsWith('/')) return null;
  const end = raw.search(/[?#]/);
  const rawPath = end === -1 ? raw : raw.slice(0, end);
  const query = end === -1 || raw[end] === '#' ? '' : raw.slice(end + 1).split('#')[0]!;
  const path = decodeOrNull(rawPath);
  // The query is decoded only to be validated: its parsers are lenient, the rule is not.
  if (path === null || path.includes('\0') || decodeOrNull(query.replace(/\+/g, ' ')) === null)
    return null;
  return { path, query };
}

function decodeOrNull(text: string): string | null {
  try {
    return decodeURIComponent(text);
  } catch {
    return null;
  }
}

/**
 * First in the Express app: a URL that does not decode is answered 400 here, before
 * serve-static or the router try to decode it and turn the failure into a 500. Absolute-form
 * targets (`GET http://host/path`) are judged by the path Express derived from them.
 */
export const rejectMalformedTargets: RequestHandler = (req, _res, next) => {
  const url = req.originalUrl;
  const target = url.startsWith('/') ? url : `${req.path}${url.slice(url.search(/[?#]|$/))}`;
  if (decodeRequestTarget(target)) return next();
  next(new AppError('validation_failed', 'The request URL is malformed.'));
};
