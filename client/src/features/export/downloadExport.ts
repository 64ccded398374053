import { EXPORT_FORMATS, type ExportFormat, type ExportQueryInput } from '@polisee/contracts';
import { ApiError, toApiError } from '../../api/ApiError';
import { apiUrl } from '../../api/http';

export { EXPORT_FORMATS, type ExportFormat };

export interface ExportOptions {
  format: ExportFormat;
  /** A version of the document, or its published version; the current state otherwise. */
  versionId?: string;
  published?: boolean;
  comments: boolean;
  resolved: boolean;
  verdicts: boolean;
  /** The partner sign-offs of the version: only with a version or the published one. */
  signoffs: boolean;
}

/** The query of `GET /documents/:id/export`, as the contract reads it. */
export function exportQuery(options: ExportOptions): ExportQueryInput {
  const flag = (on: boolean | undefined) => (on ? '1' : undefined);
  return {
    format: options.format,
    versionId: options.versionId,
    published: flag(options.published),
    comments: flag(options.comments),
    // Resolved threads come only with the comments.
    resolved: flag(options.comments && options.resolved),
    verdicts: flag(options.verdicts),
    // Sign-offs are given on versions: the server refuses them for the text as it is now.
    signoffs: flag(options.signoffs && (options.published || options.versionId !== undefined)),
  };
}

/**
 * The export as a file: fetched whole (a PDF may take seconds, shown as "Preparing…"), then
 * handed to the browser under the name the server gave it. The server's name carries the
 * title in any script (RFC 5987 `filename*`); the ASCII fallback only when that is missing.
 */
export async function downloadExport(
  documentId: string,
  options: ExportOptions,
  signal?: AbortSignal,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(apiUrl(`/documents/${documentId}/export`, { ...exportQuery(options) }), {
      credentials: 'include',
      signal,
    });
  } catch (cause) {
    if (cause instanceof DOMException && cause.name === 'AbortError') throw cause;
    throw new ApiError('network_error', 0, 'The server could not be reached.');
  }
  if (!response.ok) {
    const body: unknown = await response.json().catch(() => undefined);
    throw toApiError(response.status, body);
  }
  const blob = await response.blob();
  const name =
    fileNameOf(response.headers.get('Content-Disposition')) ?? `document.${options.format}`;
  saveBlob(blob, name);
  return name;
}

/** The file name of a Content-Disposition header: `filename*` (UTF-8) first, then `filename`. */
export function fileNameOf(disposition: string | null): string | null {
  if (!disposition) return null;
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)?.[1];
  if (extended) {
    try {
      return decodeURIComponent(extended.trim());
    } catch {
      // A malformed escape: fall back to the plain name.
    }
  }
  const plain = /filename\s*=\s*"((?:[^"\\]|\\.)*)"/i.exec(disposition)?.[1];
  return plain ? plain.replace(/\\(.)/g, '$1') : null;
}

function saveBlob(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
  // After the click has handed the file over: revoking at once cancels it in some browsers.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}
