import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentDir, loadTemplates } from './loadTemplates.js';

/** The shipped content, copied so that one file can be broken per test. */
describe('loadTemplates on broken content', () => {
  let dir: string;
  const file = (name: string) => path.join(dir, name);
  const edit = (name: string, change: (source: string) => string) =>
    writeFileSync(file(name), change(readFileSync(file(name), 'utf8')));

  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'polisee-templates-'));
    cpSync(contentDir(), dir, { recursive: true });
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('names a missing language file', () => {
    rmSync(file('pilot_initiative/el.md'));
    expect(() => loadTemplates(dir)).toThrow(/^pilot_initiative\/el\.md: cannot be read/);
  });

  it('names a translation that lost a section', () => {
    edit('workshop_notes/ro.md', (s) => s.slice(0, s.lastIndexOf('\n## ')) + '\n');
    expect(() => loadTemplates(dir)).toThrow(
      /^workshop_notes\/ro\.md: has 5 sections, the English template \(en\.md\) 6\./,
    );
  });

  it('names a translation whose table lost a column, and the section', () => {
    // The first table of the Hungarian past-action review, with three columns instead of four.
    edit('past_action_review/hu.md', (s) =>
      s.replace(
        /^\| Szakpolitika vagy intézkedés .*\n(\|.*\n)+/m,
        '| Szakpolitika | Régió | Időszak |\n| --- | --- | --- |\n| | | |\n| | | |\n| | | |\n',
      ),
    );
    expect(() => loadTemplates(dir)).toThrow(
      /^past_action_review\/hu\.md: section 1 \("Vizsgált szakpolitikák"\) has a table of 3 rows × 3 columns, in the English template \(en\.md\) it has a table of 3 rows × 4 columns\./,
    );
  });

  it('names a file with an empty heading', () => {
    edit('training_package/sq.md', (s) => s.replace(/^## .*$/m, '## '));
    expect(() => loadTemplates(dir)).toThrow(/^training_package\/sq\.md/);
  });

  it('names a version name without its placeholder', () => {
    edit('created-version.json', (s) => s.replace('{template}', 'the template'));
    expect(() => loadTemplates(dir)).toThrow(
      /^created-version\.json: does not match the template schema:\n {2}en: must contain \{template\}/,
    );
  });
});
