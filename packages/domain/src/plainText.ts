/**
 * Comment bodies, quotes and excerpts are plain text: they are never parsed as markup, and every
 * edge renders them as text. What we remove here is what plain text can still abuse: control
 * characters (terminal and log injection) and bidirectional overrides (text that reads
 * differently from what it is, the "Trojan source" trick).
 */
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F]/g;
const BIDI_OVERRIDES = /[\u202A-\u202E\u2066-\u2069]/g;

export function sanitizePlainText(input: string): string {
  return input
    .normalize('NFC')
    .replace(/\r\n?/g, '\n')
    .replace(CONTROL, '')
    .replace(BIDI_OVERRIDES, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** A short single-line excerpt for lists and notifications. */
export function excerptOf(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
