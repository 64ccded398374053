import { createRequire } from 'node:module';
import { PASSWORD_POLICY, passwordLength, type PasswordWeakness } from '@polisee/domain';
import { ZxcvbnFactory, type MatchExtended } from '@zxcvbn-ts/core';
import type * as ZxcvbnCommon from '@zxcvbn-ts/language-common';
import type * as ZxcvbnEn from '@zxcvbn-ts/language-en';

/**
 * The password estimate of the policy (passwordPolicy.ts): the owner's own words refused in any
 * form, then zxcvbn's count of guesses. It runs in a worker thread of its own, whose word lists
 * go when the thread does (decision 0101); the policy calls it there, tests call it directly.
 */

/** Whose password it is: what an attacker who targets them knows and tries first. */
export interface PasswordOwner {
  email: string;
  name: string;
  organisation?: string | undefined;
}

type Source = 'email' | 'name' | 'organisation';

/**
 * Parts shorter than this are not refused outright ("Ana" is in "banana"); zxcvbn still counts
 * them as known words, so they make a password weaker, not forbidden.
 */
const MIN_FORBIDDEN_PART = 4;

// Loaded and built on the thread's first estimate: the word lists alone hold ~34 MB and ranking
// them takes ~200 ms and ~25 MB more. The packages are read with require (they ship CommonJS).
const requireLanguage = createRequire(import.meta.url);
let zxcvbn: ZxcvbnFactory | undefined;
function estimator(): ZxcvbnFactory {
  if (zxcvbn) return zxcvbn;
  const common = requireLanguage('@zxcvbn-ts/language-common') as typeof ZxcvbnCommon;
  const en = requireLanguage('@zxcvbn-ts/language-en') as typeof ZxcvbnEn;
  zxcvbn = new ZxcvbnFactory({
    dictionary: { ...common.dictionary, ...en.dictionary },
    graphs: common.adjacencyGraphs,
    // The estimate's work grows steeply with length and with digits that read as letters: with
    // the defaults a 200-character, digit-heavy input held the event loop for seconds, with these
    // a tenth of a second. A password whose first 64 characters are not guessable stays so
    // whatever follows, and a string with a dozen swaps is past the threshold anyway.
    maxLength: 64,
    l33tMaxSubstitutions: 12,
  });
  return zxcvbn;
}

/** Lower case without diacritics, so "Zsófia" in a name finds "zsofia" in a password. */
function fold(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLowerCase();
}

const words = (text: string) =>
  fold(text)
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);

/** The words an attacker derives from the owner, each with where it comes from. */
function ownerWords(owner: PasswordOwner): Map<string, Source> {
  const found = new Map<string, Source>();
  const add = (source: Source, list: string[]) => {
    for (const word of list) if (word && !found.has(word)) found.set(word, source);
  };
  const email = fold(owner.email.trim());
  const [local = '', domain = ''] = email.split('@');
  // The whole address, its local part and its words, and the domain's labels but the last
  // (".org", ".gr" say nothing about the person).
  add('email', [email, local, ...words(local), ...domain.split('.').slice(0, -1).flatMap(words)]);
  add('name', [words(owner.name).join(''), ...words(owner.name)]);
  if (owner.organisation) add('organisation', words(owner.organisation));
  return found;
}

/** The classic letter-for-symbol swaps ("3l3n1" for "eleni"); `1`, `!` and `|` read as i or l. */
const LEET: Record<string, string> = {
  '4': 'a',
  '@': 'a',
  '3': 'e',
  '0': 'o',
  $: 's',
  '5': 's',
  '7': 't',
  '+': 't',
};
const compact = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '');

/** The ways the password may spell a word: as typed, without separators, with swaps undone. */
function spellings(password: string): string[] {
  const folded = fold(password);
  const unswapped = [...folded].map((c) => LEET[c] ?? c).join('');
  const readings = [folded, unswapped.replace(/[1!|]/g, 'i'), unswapped.replace(/[1!|]/g, 'l')];
  return [...readings, ...readings.map(compact)];
}

/** The owner's email or name, or a part of them, in the password in any case, spacing or swaps. */
function containedOwnerPart(password: string, owned: Map<string, Source>): Source | null {
  const readings = spellings(password);
  for (const [word, source] of owned) {
    if (source === 'organisation' || word.length < MIN_FORBIDDEN_PART) continue;
    const bare = compact(word);
    if (readings.some((r) => r.includes(word) || (bare.length > 0 && r.includes(bare)))) {
      return source;
    }
  }
  return null;
}

const PREDICTABLE_PATTERNS = new Set(['repeat', 'sequence', 'spatial', 'date', 'regex']);

/** Why zxcvbn finds the password guessable: the most telling part of its best explanation. */
function weaknessOf(
  password: string,
  sequence: MatchExtended[],
  owned: Map<string, Source>,
): PasswordWeakness | null {
  const personal = sequence.find((m) => m.dictionaryName === 'userInputs');
  if (personal) {
    const source = owned.get(String(personal.matchedWord)) ?? 'name';
    return source === 'email'
      ? 'contains_email'
      : source === 'name'
        ? 'contains_name'
        : 'contains_organisation';
  }
  // Known words (digits-only entries such as "1234" are decoration, not words).
  const known = sequence.filter((m) => m.pattern === 'dictionary' && /\p{L}/u.test(m.token));
  const fromLeakedLists = (m: MatchExtended) => String(m.dictionaryName).startsWith('passwords');
  // One word dressed up with digits and symbols ("Summer2024!!"), or three fifths or more one
  // leaked password ("qwertzuiopasdf"), is what cracking rule sets try first. Several words that
  // are too few ("tulip-garden") fall through to `guessable`: the advice is to add one.
  if (
    known.length === 1 ||
    known.some((m) => fromLeakedLists(m) && m.token.length * 5 >= password.length * 3)
  ) {
    return 'common';
  }
  if (known.length === 0 && sequence.some((m) => PREDICTABLE_PATTERNS.has(m.pattern))) {
    return 'predictable';
  }
  return null;
}

/**
 * Why the password may not be set, or null when it may. The person's email and name are refused
 * in any form; their organisation's name only weakens the estimate (it is often a common word).
 */
export function passwordWeakness(password: string, owner: PasswordOwner): PasswordWeakness | null {
  const owned = ownerWords(owner);
  const contained = containedOwnerPart(password, owned);
  if (contained === 'email') return 'contains_email';
  if (contained === 'name') return 'contains_name';

  const result = estimator().check(password, [...owned.keys()]);
  if (result.score < PASSWORD_POLICY.minScore) {
    // A short password's most useful reason is still the pattern: making "aaaaaaaaaa" longer
    // does not make it any better.
    const why = weaknessOf(password, result.sequence, owned);
    if (why) return why;
    return passwordLength(password) < PASSWORD_POLICY.minLength ? 'too_short' : 'guessable';
  }
  return passwordLength(password) < PASSWORD_POLICY.minLength ? 'too_short' : null;
}

/** The worker thread's task: the weakness of one password for each of its owners. */
export default function passwordWeaknesses({
  password,
  owners,
}: {
  password: string;
  owners: PasswordOwner[];
}): (PasswordWeakness | null)[] {
  return owners.map((owner) => passwordWeakness(password, owner));
}
