import { describe, expect, it } from 'vitest';
import {
  DocumentTitleSchema,
  MessageBodySchema,
  OrganisationNameSchema,
  PersonNameSchema,
  ReviewMessageSchema,
  VersionNameSchema,
  WorkingGroupDescriptionSchema,
  WorkingGroupNameSchema,
} from './index.js';
import { multiLineText, normaliseUserText, singleLineText } from './userText.js';

const NUL = '\u0000';
const RLO = '\u202E';
/** Every bidi embedding, override and isolate. */
const BIDI = [
  '\u202A',
  '\u202B',
  '\u202C',
  '\u202D',
  '\u202E',
  '\u2066',
  '\u2067',
  '\u2068',
  '\u2069',
];

describe('normaliseUserText', () => {
  it('removes NUL, other C0/C1 controls and DEL', () => {
    const dirty = `Plan${NUL} 2040\u0007\u001B[31m\u007F\u009B`;
    expect(normaliseUserText(dirty, 'singleLine')).toBe('Plan 2040[31m');
    expect(normaliseUserText(dirty, 'multiLine')).toBe('Plan 2040[31m');
  });

  it('removes every bidi embedding, override and isolate', () => {
    for (const mark of BIDI) {
      expect(normaliseUserText(`invoice${mark}fdp.exe`, 'singleLine')).toBe('invoicefdp.exe');
      expect(normaliseUserText(`a${mark}\nb`, 'multiLine')).toBe('a\nb');
    }
  });

  it('keeps the marks right-to-left text needs, and joiners inside emoji and words', () => {
    // LRM/RLM and ZWJ/ZWNJ change no order of stored text: they are not overrides.
    const text = 'Σχέδιο\u200E 👩\u200D💻 کتاب\u200Cها';
    expect(normaliseUserText(text, 'singleLine')).toBe(text);
  });

  it('composes to NFC, so the same word typed two ways is one string', () => {
    const decomposed = 'Kova\u0301cs Zso\u0301fia';
    expect(decomposed).not.toBe('Kovács Zsófia');
    expect(normaliseUserText(decomposed, 'singleLine')).toBe('Kovács Zsófia');
  });

  it('makes single-line text one trimmed line with single spaces', () => {
    expect(normaliseUserText('  Joint\tstrategic\r\nplan \u2028 2040\n', 'singleLine')).toBe(
      'Joint strategic plan 2040',
    );
    // A control between two spaces leaves one space, not two.
    expect(normaliseUserText(`a ${NUL} b`, 'singleLine')).toBe('a b');
  });

  it('keeps line breaks and tabs in multi-line text, unified, with at most one empty line', () => {
    expect(
      normaliseUserText('  First\r\nsecond\rthird\u2029\n\n\n\tindented\u0085end  ', 'multiLine'),
    ).toBe('First\nsecond\nthird\n\n\tindented\nend');
  });

  it('replaces unpaired surrogates, keeps paired ones', () => {
    expect(normaliseUserText('a\uD800b\uDC00c 😀', 'singleLine')).toBe('a\uFFFDb\uFFFDc 😀');
  });

  it('is idempotent', () => {
    const once = normaliseUserText(`  x${RLO}\u0301 \n\n\n y${NUL}\t `, 'multiLine');
    expect(normaliseUserText(once, 'multiLine')).toBe(once);
  });
});

describe('user text schemas', () => {
  it('apply the normaliser, then the limits', () => {
    const title = singleLineText({ max: 10 });
    expect(title.parse(`  ${RLO}Plan${NUL}  B `)).toBe('Plan B');
    expect(title.safeParse(`${NUL}${RLO} \n`).success).toBe(false);
    expect(title.safeParse('x'.repeat(11)).success).toBe(false);
    // The limit counts what is kept: controls beyond it do not make the text too long.
    expect(title.parse(`${'x'.repeat(10)}${NUL.repeat(5)}`)).toBe('x'.repeat(10));
    // An oversized input is refused before any work is done on it.
    expect(title.safeParse(NUL.repeat(21)).success).toBe(false);
    expect(multiLineText({ max: 10, allowEmpty: true }).parse(` ${NUL} `)).toBe('');
  });

  it('are used by every field a person writes', () => {
    const dirty = ` A${NUL}${RLO}\u202Db `;
    for (const schema of [
      DocumentTitleSchema,
      PersonNameSchema,
      OrganisationNameSchema,
      WorkingGroupNameSchema,
      VersionNameSchema,
    ]) {
      expect(schema.parse(dirty)).toBe('Ab');
    }
    for (const schema of [MessageBodySchema, ReviewMessageSchema, WorkingGroupDescriptionSchema]) {
      expect(schema.parse(`${dirty}\n\n\nc`)).toBe('Ab \n\nc');
    }
  });
});
