/**
 * A file name from a document's title: characters that no file system or mail client accepts
 * (path separators, `:*?"<>|`, control characters) become spaces, and it is cut at a length
 * every file system takes. Unicode is kept: the answer's Content-Disposition carries it as
 * RFC 5987 `filename*`, with an ASCII fallback for old clients (Express's `res.attachment`).
 */
const MAX_STEM_CHARS = 120;

export function exportFileName(title: string, extension: string, suffix = ''): string {
  const cleaned = title
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}/\\:*?"<>|]+/gu, ' ')
    .replace(/\s+/g, ' ')
    .trim()
    // A leading dot would hide the file on Unix; trailing dots and spaces are dropped by Windows.
    .replace(/^[.\s]+/, '')
    .replace(/[.\s]+$/, '');
  const stem = [...(cleaned || 'document')].slice(0, MAX_STEM_CHARS).join('').trim();
  return `${stem}${suffix}.${extension}`;
}
