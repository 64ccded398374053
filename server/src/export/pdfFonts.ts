import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

/**
 * The only font a PDF uses: Noto Sans from @fontsource, the Latin, Latin Extended, Greek and
 * Cyrillic subsets (and their extensions) in regular and bold, upright and italic, inlined as
 * data URLs. Nothing is fetched and no system font is needed, so a Greek or Bulgarian export
 * looks the same on a laptop and in the container, with no empty boxes. Chromium embeds only
 * the glyphs a document uses.
 */
const SUBSETS = ['latin', 'latin-ext', 'greek', 'greek-ext', 'cyrillic', 'cyrillic-ext'];
const FACES = [
  { weight: 400, style: 'normal' },
  { weight: 700, style: 'normal' },
  { weight: 400, style: 'italic' },
  { weight: 700, style: 'italic' },
] as const;

export const PDF_FONT_FAMILY = 'Noto Sans';

let css: string | null = null;

/** The @font-face rules, read once per process (about 1 MB of CSS). */
export function pdfFontFaces(): string {
  css ??= build();
  return css;
}

function build(): string {
  const require = createRequire(import.meta.url);
  const dir = path.dirname(require.resolve('@fontsource/noto-sans/package.json'));
  const rules: string[] = [];
  for (const { weight, style } of FACES) {
    const suffix = style === 'italic' ? '-italic' : '';
    // Fontsource's own CSS carries each subset's unicode-range: reuse it rather than copy it.
    const source = readFileSync(path.join(dir, `${weight}${suffix}.css`), 'utf8');
    for (const rule of source.match(/@font-face\s*{[^}]*}/g) ?? []) {
      const file = /url\(\.\/files\/([\w-]+\.woff2)\)/.exec(rule)?.[1];
      const subset = file?.replace(`noto-sans-`, '').replace(`-${weight}-${style}.woff2`, '');
      if (!file || !subset || !SUBSETS.includes(subset)) continue;
      const data = readFileSync(path.join(dir, 'files', file)).toString('base64');
      const range = /unicode-range:\s*([^;]+);/.exec(rule)?.[1] ?? 'U+0-10FFFF';
      rules.push(
        `@font-face{font-family:'${PDF_FONT_FAMILY}';font-style:${style};font-weight:${weight};` +
          `src:url(data:font/woff2;base64,${data}) format('woff2');unicode-range:${range};}`,
      );
    }
  }
  if (rules.length !== SUBSETS.length * FACES.length) {
    throw new Error(`The PDF font is incomplete: ${rules.length} faces found.`);
  }
  return rules.join('\n');
}
