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
