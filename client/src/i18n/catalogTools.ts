/** Helpers for checking catalogs against each other (used by the catalog tests). */

/** `{ a: { b: 'x' } }` → `{ 'a.b': 'x' }`; a non-string leaf is kept as it is, for the tests to flag. */
export function flattenCatalog(
  catalog: Record<string, unknown>,
  prefix = '',
): Record<string, unknown> {
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(catalog)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      Object.assign(flat, flattenCatalog(value as Record<string, unknown>, path));
    } else {
      flat[path] = value;
    }
  }
  return flat;
}

/** The interpolation names in a message: "{{actor}} created {{title}}" → ['actor', 'title']. */
export function placeholdersOf(message: string): string[] {
  const names = [...message.matchAll(/\{\{\s*([\w.-]+)\s*(?:,[^}]*)?\}\}/g)].map((m) => m[1] ?? '');
  return [...new Set(names)].sort();
}

/** i18next's plural suffixes ("changes_one", "changes_few", …; CLDR categories). */
const PLURAL_SUFFIX = /_(zero|one|two|few|many|other)$/;

/** `{ 'a.n_one': …, 'a.n_other': … }` → `'a.n'` for each plural key, else the key itself. */
export function pluralBase(key: string): { base: string; category: string | null } {
  const match = PLURAL_SUFFIX.exec(key);
  return match
    ? { base: key.slice(0, match.index), category: match[1]! }
    : { base: key, category: null };
}

/**
 * The catalog's keys with every plural group folded to its base key, and for each base the
 * plural categories present: what must match across languages is the base, since each
 * language needs its own categories (Romanian has "few", English does not).
 */
export function pluralGroups(flat: Record<string, unknown>): Map<string, Set<string>> {
  const groups = new Map<string, Set<string>>();
  for (const key of Object.keys(flat)) {
    const { base, category } = pluralBase(key);
    if (!category) continue;
    const set = groups.get(base) ?? new Set<string>();
    set.add(category);
    groups.set(base, set);
  }
  return groups;
}
