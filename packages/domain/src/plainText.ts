/**
 * Comment bodies, quotes and excerpts are plain text: they are never parsed as markup, and every
 * edge renders them as text. What they may contain is decided once, in `normaliseUserText`
 * (userText.ts), which their schemas apply.
 */

/** A short single-line excerpt for lists and notifications. */
export function excerptOf(text: string, max = 140): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length <= max ? line : `${line.slice(0, max - 1).trimEnd()}…`;
}
