import { LANGUAGES } from '@polisee/domain';
import { describe, expect, it } from 'vitest';
import { flattenCatalog, placeholdersOf, pluralBase, pluralGroups } from './catalogTools';
import { catalogs } from './resources';

const flat = Object.fromEntries(
  LANGUAGES.map((language) => [language, flattenCatalog(catalogs[language])]),
);
const allKeys = [...new Set(Object.values(flat).flatMap((entries) => Object.keys(entries)))].sort();
/** Keys with plural groups folded to their base ("n_one", "n_few" → "n"): what every language must have. */
const allBaseKeys = [...new Set(allKeys.map((key) => pluralBase(key).base))].sort();
const basesOf = (entries: Record<string, unknown>) =>
  new Set(Object.keys(entries).map((key) => pluralBase(key).base));

/**
 * Keys that are rightly the same in every language: the product name, language endonyms, and
 * messages made only of placeholders and punctuation.
 */
const SAME_IN_EVERY_LANGUAGE = [
  /^app\.name$/,
  /^app\.pageTitle$/,
  /^languageNames\./,
  /^collab\.presence\.person$/,
  /^history\.blockChanges\.(blockChanged|itemChanged)$/,
  /^workshopLive\.(hands\.entry|presence\.organisation|results\.allocation|outcomes\.person)$/,
  /^assessments\.(cellName|noScore|cell\.(spread|count)|discuss\.body)$/,
  /^audit\.nobody$/,
];

/** Words that are spelled the same as in English in a given language (checked by a speaker). */
const SAME_AS_ENGLISH: Partial<Record<string, string[]>> = {
  ro: ['documents.title', 'search.types.document'],
};

describe('translation catalogs', () => {
  it.each(LANGUAGES)(
    '%s has every key that any catalog has, each a non-empty string',
    (language) => {
      const entries = flat[language] ?? {};
      const bases = basesOf(entries);
      const missing = allBaseKeys.filter((key) => !bases.has(key));
      const empty = Object.keys(entries).filter(
        (key) => typeof entries[key] !== 'string' || entries[key] === '',
      );
      expect(missing, `missing in ${language}`).toEqual([]);
      expect(empty, `empty or not text in ${language}`).toEqual([]);
    },
  );

  it.each(LANGUAGES)(
    '%s has exactly the plural forms its language needs for every counted message',
    (language) => {
      const needed = new Intl.PluralRules(language).resolvedOptions().pluralCategories;
      const wrong: string[] = [];
      for (const [base, categories] of pluralGroups(flat[language] ?? {})) {
        const missing = needed.filter((c) => !categories.has(c));
        // "zero" is optional anywhere: i18next uses it for a count of 0 when it exists.
        const extra = [...categories].filter((c) => c !== 'zero' && !needed.includes(c as never));
        if (missing.length || extra.length)
          wrong.push(`${base}: missing [${missing.join()}] extra [${extra.join()}]`);
      }
      expect(wrong, `plural forms in ${language}`).toEqual([]);
    },
  );

  it.each(LANGUAGES)(
    '%s uses the same {{placeholders}} as English in every message',
    (language) => {
      const english = flat.en ?? {};
      const entries = flat[language] ?? {};
      const mismatched = Object.keys(entries).filter((key) => {
        const { base, category } = pluralBase(key);
        // A plural form is compared with English's general ("other") form.
        const a = category ? english[`${base}_other`] : english[key];
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

  it('folds plural forms to their base key', () => {
    expect(pluralBase('collab.status.offline_few')).toEqual({
      base: 'collab.status.offline',
      category: 'few',
    });
    expect(pluralBase('documents.title')).toEqual({ base: 'documents.title', category: null });
    expect(pluralGroups({ 'a.n_one': 'x', 'a.n_other': 'y', 'a.m': 'z' })).toEqual(
      new Map([['a.n', new Set(['one', 'other'])]]),
    );
  });
});
