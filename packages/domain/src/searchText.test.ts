import { describe, expect, it } from 'vitest';
import { normaliseForSearch, SEARCH_TOKEN_MAX, searchTokens, searchWords } from './searchText.js';

/** Each row: spellings a reader may type for the same word, and what they all fold to. */
const SAME_WORD: [language: string, spellings: string[], folded: string][] = [
  ['el', ['πολιτική', 'ΠΟΛΙΤΙΚΗ', 'πολιτικη', 'Πολιτική', 'ΠΟΛΙΤΙΚΉ'], 'πολιτικη'],
  ['el', ['Καινοτομία', 'καινοτομια', 'ΚΑΙΝΟΤΟΜΊΑ'], 'καινοτομια'],
  // Final sigma: lower-casing writes ς at a word's end only; the prefix typed so far has none.
  ['el', ['ΠΕΡΙΦΕΡΕΙΑΣ', 'περιφέρειας', 'περιφερειασ'], 'περιφερειασ'],
  ['el', ['Προϋπολογισμός', 'προυπολογισμος'], 'προυπολογισμοσ'],
  // Romanian: comma below (ș ț, the correct letters) and cedilla (ş ţ, what old keyboards type).
  ['ro', ['finanțare', 'finanţare', 'FINANȚARE', 'finantare'], 'finantare'],
  ['ro', ['Strategia de specializare inteligentă', 'strategia de specializare inteligenta'], ''],
  ['ro', ['regiuneș', 'regiuneş', 'regiunes'], 'regiunes'],
  ['hu', ['fejlesztési', 'FEJLESZTÉSI', 'fejlesztesi'], 'fejlesztesi'],
  ['hu', ['előrejelzés', 'ELŐREJELZÉS', 'elorejelzes'], 'elorejelzes'],
  ['hu', ['Gyűrű', 'gyuru'], 'gyuru'],
  ['sq', ['Zhvillimi rajonal', 'zhvillimi rajonal'], 'zhvillimi rajonal'],
  ['sq', ['qëndrueshmëri', 'QËNDRUESHMËRI', 'qendrueshmeri'], 'qendrueshmeri'],
  ['sq', ['çështje', 'ceshtje'], 'ceshtje'],
  ['bg', ['Иновации', 'ИНОВАЦИИ', 'иновации'], 'иновации'],
  // й loses its breve (decision 0055 says why that is accepted).
  ['bg', ['Стратегия за развитие на района', 'стратегия за развитие на раиона'], ''],
  ['en', ['Cluster Financing', 'CLUSTER FINANCING', 'cluster financing'], 'cluster financing'],
  ['en', ['naïve café', 'naive cafe'], 'naive cafe'],
];

describe('normaliseForSearch', () => {
  it.each(SAME_WORD)('%s: %j fold to one form', (_language, spellings, folded) => {
    const forms = new Set(spellings.map(normaliseForSearch));
    expect([...forms]).toHaveLength(1);
    if (folded) expect([...forms][0]).toBe(folded);
  });

  it('gives the same result for precomposed and decomposed input', () => {
    for (const word of ['πολιτική', 'finanțare', 'előrejelzés', 'qëndrueshmëri', 'район']) {
      expect(normaliseForSearch(word.normalize('NFD'))).toBe(normaliseForSearch(word));
    }
  });

  it('keeps letters that are not accented forms apart', () => {
    // Albanian dh and d, Hungarian sz and s, Bulgarian ъ and ь: different letters, kept.
    expect(normaliseForSearch('Dhoma')).not.toBe(normaliseForSearch('Doma'));
    expect(normaliseForSearch('ъгъл')).toBe('ъгъл');
    expect(normaliseForSearch('Ω')).toBe('ω');
  });
});

describe('searchTokens', () => {
  it('splits on everything but letters and digits, in every language', () => {
    expect(searchWords('Cluster-financing (2021–2027): “pilot”, phase 2!')).toEqual([
      'cluster',
      'financing',
      '2021',
      '2027',
      'pilot',
      'phase',
      '2',
    ]);
    expect(searchWords('Άσκηση προοπτικής: η πολιτική καινοτομίας.')).toEqual([
      'ασκηση',
      'προοπτικησ',
      'η',
      'πολιτικη',
      'καινοτομιασ',
    ]);
    expect(searchWords('Plan de acțiune — regiunea Nord-Est')).toEqual([
      'plan',
      'de',
      'actiune',
      'regiunea',
      'nord',
      'est',
    ]);
    expect(searchWords('Стратегия за интелигентна специализация')).toEqual([
      'стратегия',
      'за',
      'интелигентна',
      'специализация',
    ]);
    expect(searchWords('A kutatás-fejlesztési támogatás')).toEqual([
      'a',
      'kutatas',
      'fejlesztesi',
      'tamogatas',
    ]);
    expect(searchWords('Plani i veprimit për qëndrueshmëri')).toEqual([
      'plani',
      'i',
      'veprimit',
      'per',
      'qendrueshmeri',
    ]);
  });

  it('gives each word’s range in the original text, also where folding changes its length', () => {
    // Decomposed: "πολιτική" is 9 code units here and folds to 8.
    const text = `Η ${'πολιτική'.normalize('NFD')} της ΠΕΡΙΦΕΡΕΙΑΣ`;
    const tokens = [...searchTokens(text)];
    expect(tokens.map((t) => text.slice(t.start, t.end))).toEqual([
      'Η',
      'πολιτική'.normalize('NFD'),
      'της',
      'ΠΕΡΙΦΕΡΕΙΑΣ',
    ]);
    expect(tokens.map((t) => t.token)).toEqual(['η', 'πολιτικη', 'τησ', 'περιφερειασ']);
  });

  it('cuts a very long run the same way wherever it comes from', () => {
    const long = 'ä'.repeat(SEARCH_TOKEN_MAX + 10);
    const [token] = [...searchTokens(`x ${long} y`)].slice(1, 2);
    expect(token!.token).toBe('a'.repeat(SEARCH_TOKEN_MAX));
    expect(token!.end - token!.start).toBe(long.length);
  });
});
