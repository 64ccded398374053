import { LANGUAGES } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { flattenCatalog, placeholdersOf } from './catalogTools';
import { catalogs } from './resources';

const flat = Object.fromEntries(
  LANGUAGES.map((language) => [language, flattenCatalog(catalogs[language])]),
);
const allKeys = [...new Set(Object.values(flat).flatMap((entries) => Object.keys(entries)))].sort();

/** Keys that are rightly the same in every language: the product name and language endonyms. */
const SAME_IN_EVERY_LANGUAGE = [/^app\.name$/, /^app\.pageTitle$/, /^languageNames\./];

/** Words that are spelled the same as in English in a given language (checked by a speaker). */
const SAME_AS_ENGLISH: Partial<Record<string, string[]>> = {
  ro: ['documents.title'],
};

describe('translation catalogs', () => {
  it.each(LANGUAGES)(
    '%s has every key that any catalog has, each a non-empty string',
    (language) => {
      const entries = flat[language] ?? {};
      const missing = allKeys.filter((key) => !(key in entries));
      const empty = allKeys.filter(
        (key) => key in entries && (typeof entries[key] !== 'string' || entries[key] === ''),
      );
      expect(missing, `missing in ${language}`).toEqual([]);
      expect(empty, `empty or not text in ${language}`).toEqual([]);
    },
  );

  it.each(LANGUAGES)(
    '%s uses the same {{placeholders}} as English in every message',
    (language) => {
      const english = flat.en ?? {};
      const entries = flat[language] ?? {};
      const mismatched = allKeys.filter((key) => {
        const a = english[key];
        const b = entries[key];
        if (typeof a !== 'string' || typeof b !== 'string') return false;
        return placeholdersOf(a).join() !== placeholdersOf(b).join();
      });
      expect(mismatched, `placeholders differ from English in ${language}`).toEqual([]);
    },
  );

  it.each(LANGUAGES.filter((l) => l !== 'en'))(
    '%s is translated, not copied from English',
    (language) => {
      const english = flat.en ?? {};
      const entries = flat[language] ?? {};
      const copied = allKeys.filter(
        (key) =>
          !SAME_IN_EVERY_LANGUAGE.some((pattern) => pattern.test(key)) &&
          !(SAME_AS_ENGLISH[language] ?? []).includes(key) &&
          typeof english[key] === 'string' &&
          entries[key] === english[key],
      );
      expect(copied, `left in English in ${language}`).toEqual([]);
    },
  );

  it('names every language by its own name in every catalog', () => {
    for (const language of LANGUAGES) {
      const names = LANGUAGES.map((l) => flat[language]?.[`languageNames.${l}`]);
      expect(names).toEqual(LANGUAGES.map((l) => flat[l]?.[`languageNames.${l}`]));
    }
  });
});

describe('catalog tools', () => {
  it('flattens nested keys', () => {
    expect(flattenCatalog({ a: { b: 'x', c: { d: 'y' } }, e: 'z' })).toEqual({
      'a.b': 'x',
      'a.c.d': 'y',
      e: 'z',
    });
  });

  it('finds placeholders, with or without formats', () => {
    expect(placeholdersOf('{{actor}} created {{ title }} on {{date, datetime}}')).toEqual([
      'actor',
      'date',
      'title',
    ]);
  });
});
