import { z } from 'zod';

/**
 * The one normaliser for text a person writes: titles, names, organisation and working group
 * names, comment bodies, review messages, version names. Every such field in the schemas uses
 * `singleLineText` or `multiLineText` below, so each edge (REST, admin:create) applies it and
 * what is stored is what every other reader is shown.
 *
 * What it removes is what plain text can still abuse once it is rendered as text: control
 * characters (NUL truncates in C libraries and some drivers; the others inject into terminals
 * and logs) and bidirectional embeddings, overrides and isolates, which make text display in an
 * order other than the one it is stored in ("Trojan Source", CVE-2021-42574: "invoice", U+202E,
 * "fdp.exe" is shown as "invoiceexe.pdf"). See docs/decisions/0037-user-text-normalisation.md.
 */

/** Unpaired UTF-16 halves: JSON lets them in, UTF-8 storage and drivers cannot keep them. */
const LONE_SURROGATES = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;
/** Every way of ending a line, made one `\n`: CRLF, CR, NEL, LINE and PARAGRAPH SEPARATOR. */
const LINE_BREAKS = /\r\n?|[\u0085\u2028\u2029]/g;
/** Embeddings and overrides (U+202A–U+202E) and isolates (U+2066–U+2069). */
const BIDI_CONTROLS = /[\u202A-\u202E\u2066-\u2069]/g;
/** C0 and C1 controls and DEL, except tab and line feed, which multi-line text keeps. */
// eslint-disable-next-line no-control-regex
const CONTROLS_BUT_TAB_AND_NEWLINE = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;
const TABS_AND_NEWLINES = /[\t\n]/g;

export type TextShape = 'singleLine' | 'multiLine';

/**
 * NFC (so "é" typed two ways is one string, for equality, search and length limits), line
 * breaks unified, bidi controls and control characters removed. Single-line text has its tabs
 * and line breaks turned into spaces and runs of whitespace collapsed; multi-line text keeps
 * tabs and line breaks but at most one empty line in a row. Both are trimmed.
 */
export function normaliseUserText(input: string, shape: TextShape): string {
  const text = input
    .replace(LONE_SURROGATES, '\uFFFD')
    .normalize('NFC')
    .replace(LINE_BREAKS, '\n')
    .replace(BIDI_CONTROLS, '');
  if (shape === 'singleLine') {
    return text
      .replace(TABS_AND_NEWLINES, ' ')
      .replace(CONTROLS_BUT_TAB_AND_NEWLINE, '')
      .replace(/\s{2,}/g, ' ')
      .trim();
  }
  return text
    .replace(CONTROLS_BUT_TAB_AND_NEWLINE, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

interface TextLimits {
  /** In UTF-16 code units after normalising, like every other length limit in the schemas. */
  max: number;
  /** Whether the text may be empty once normalised (a message that only adds a verdict). */
  allowEmpty?: boolean;
}

function userText(shape: TextShape, { max, allowEmpty = false }: TextLimits) {
  const tooLong = `must be at most ${max} characters`;
  const bounded = z.string().max(max, tooLong);
  return (
    z
      .string()
      // Bounded before normalising, so an oversized body is refused without the work; twice the
      // limit leaves room for what normalising removes.
      .max(max * 2, tooLong)
      .transform((value) => normaliseUserText(value, shape))
      .pipe(allowEmpty ? bounded : bounded.min(1, 'must not be empty'))
  );
}

/** A title, a name: one line, trimmed, inner whitespace collapsed. */
export function singleLineText(limits: TextLimits) {
  return userText('singleLine', limits);
}

/** A comment, a description, a review message: line breaks and tabs kept. */
export function multiLineText(limits: TextLimits) {
  return userText('multiLine', limits);
}
