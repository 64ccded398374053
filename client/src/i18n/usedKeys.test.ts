import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { flattenCatalog } from './catalogTools';
import { catalogs } from './resources';

const SRC = fileURLToPath(new URL('..', import.meta.url));

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(name) && !/\.test\.ts$/.test(name) ? [path] : [];
  });
}

/**
 * Every literal key the code hands to `t()` (or picks between in a ternary) must exist.
 * Keys built from domain values (`kinds.${kind}`) are covered by domainLabels.test.ts.
 */
describe('keys used in the code', () => {
  it('all exist in the English catalog', () => {
    const english = flattenCatalog(catalogs.en);
    const namespaces = new Set(Object.keys(catalogs.en));
    const missing: string[] = [];
    for (const file of sourceFiles(SRC)) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/'([a-zA-Z]+(?:\.[a-zA-Z0-9_]+)+)'/g)) {
        const key = match[1] ?? '';
        const namespace = key.split('.')[0] ?? '';
        // A counted message is used by its base key; i18next picks "key_one", "key_other", ….
        const known = key in english || `${key}_other` in english;
        if (namespaces.has(namespace) && !known) missing.push(`${key} (${file.slice(SRC.length)})`);
      }
    }
    expect(missing).toEqual([]);
  });
});
